package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.expect;
import static dev.mailvault.core.verify.ScriptedServer.hold;
import static dev.mailvault.core.verify.ScriptedServer.raw;
import static dev.mailvault.core.verify.ScriptedServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code ScriptedServerLoginTest} does not count: after many checks against hostile servers,
 * the process holds no more file descriptors than before. A socket that a failed check forgot to
 * close stays open until a garbage collection happens to find it; in a long verify run of many
 * accounts, or in the desktop app, those add up.
 */
@Tag("slow")
@DisplayName("Checks against hostile servers leave no file descriptor open")
class HostileServerResourcesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int ROUNDS = 4;

    private static SSLContext serverTls;
    private static TrustAnchors trust;

    @BeforeAll
    static void certificates() {
        serverTls = TestTls.serverContext(TestTls.loopback());
        trust = TrustAnchors.withCa(TestTls.ca().pem());
    }

    /** A server for each kind of misbehaviour: made anew for every check. */
    @FunctionalInterface
    interface Hostile {
        ScriptedServer start() throws Exception;
    }

    private static Map<String, Hostile> hostileServers() {
        byte[] longLine = new byte[2 * 1024 * 1024];
        Arrays.fill(longLine, (byte) 'a');
        LocalCertificate expired = LocalCertificate.builder("ip:127.0.0.1")
                .issuedBy(TestTls.ca())
                .validity(
                        Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)))
                .build();
        Map<String, Hostile> servers = new LinkedHashMap<>();
        servers.put("closes at once", () -> ScriptedServer.imap(serverTls));
        servers.put("says nothing", () -> ScriptedServer.imap(serverTls, hold()));
        servers.put(
                "closes in the middle of the greeting",
                () -> ScriptedServer.imap(serverTls, raw("* OK half a gree".getBytes(StandardCharsets.US_ASCII))));
        servers.put("plain text where TLS is expected", () -> ScriptedServer.imap(null, send("* OK plain"), hold()));
        servers.put(
                "an endless line",
                () -> ScriptedServer.imap(
                        serverTls, raw("* OK ".getBytes(StandardCharsets.US_ASCII)), raw(longLine), hold()));
        servers.put(
                "a 2 GB literal",
                () -> ScriptedServer.imap(
                        serverTls,
                        send("* OK [CAPABILITY IMAP4rev1] ready"),
                        expect("LOGIN"),
                        send("* 1 FETCH (BODY[] {2000000000}"),
                        hold()));
        servers.put(
                "BYE during login",
                () -> ScriptedServer.imap(
                        serverTls, send("* OK [CAPABILITY IMAP4rev1] ready"), expect("LOGIN"), send("* BYE too many")));
        servers.put("an expired certificate", () -> ScriptedServer.imap(TestTls.serverContext(expired), hold()));
        servers.put(
                "an IMAP server on the SMTP side",
                () -> ScriptedServer.smtp(serverTls, send("* OK [CAPABILITY IMAP4rev1] ready"), hold()));
        return servers;
    }

    @Test
    @DisplayName("checks against nine kinds of hostile server: as many descriptors open after as before")
    void noDescriptorLeaks() throws Exception {
        Map<String, Hostile> servers = hostileServers();
        // the first round loads classes, opens the JDK's own files (cacerts, jars): not counted
        checkAll(servers);
        long before = openDescriptors();
        for (int i = 0; i < ROUNDS; i++) {
            checkAll(servers);
        }
        long after = openDescriptors();

        // A leak shows as one descriptor per check of a leaking kind (4 or more); the slack of 1 is
        // for a jar the class loader may open on a path the first round did not take.
        assertThat(after)
                .as(
                        "open file descriptors after %d checks against hostile servers (before: %d)",
                        ROUNDS * servers.size(), before)
                .isLessThanOrEqualTo(before + 1);
    }

    private static void checkAll(Map<String, Hostile> servers) throws Exception {
        for (Map.Entry<String, Hostile> e : servers.entrySet()) {
            Protocol protocol = e.getKey().contains("SMTP") ? Protocol.SMTP : Protocol.IMAP;
            try (ScriptedServer server = e.getValue().start();
                    LoginChecker checker = LoginChecker.jakartaMail(new VerifyOptions(TIMEOUT, Clock.systemUTC()));
                    Secret secret = Secret.copyOf("Tr0ub4dor&3".toCharArray())) {
                VerifyTarget target = new VerifyTarget(
                        protocol,
                        new Endpoint("127.0.0.1", server.port(), Security.TLS),
                        "bob@example.jp",
                        secret,
                        trust,
                        ProviderRules.NONE);
                CheckResult result = checker.check(target, CheckResult.Slot.CURRENT);
                assertThat(result.outcome()).as(e.getKey()).isNotEqualTo(Outcome.OK);
            }
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
