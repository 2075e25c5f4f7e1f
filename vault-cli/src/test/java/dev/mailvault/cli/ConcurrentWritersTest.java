package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code vault} processes writing one vault at once: one waits, or fails clearly; nothing is lost. */
@Tag("slow")
@DisplayName("two vault processes on one vault")
class ConcurrentWritersTest {
    private static final String MASTER = "concurrent master";
    private static final String BUSY = "is in use by another Mail Vault process";

    @TempDir
    Path dir;

    Path vault;
    CliProcess cli;

    @BeforeEach
    void init() {
        vault = dir.resolve("vault.db");
        cli = new CliProcess(dir, vault);
        CliProcess.Result init =
                cli.run(MASTER + "\n", "init", "--kdf-memory", "64", "--kdf-iterations", "3", "--kdf-parallelism", "4");
        assertThat(init.code()).as(init.err()).isZero();
    }

    private CliProcess.Started add(String address, String password) {
        return cli.start(
                MASTER + "\n" + password + "\n",
                "add",
                address,
                "--imap",
                "imap.example.org:993",
                "--smtp",
                "smtp.example.org:465");
    }

    @Test
    @DisplayName(
            "adding at the same moment: each exits 0, or 4 saying the vault is in use; every add that exited 0 is there")
    void simultaneousAdds() {
        Map<String, String> added = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            String a = "left" + round + "@example.org";
            String b = "right" + round + "@example.org";
            CliProcess.Started left = add(a, "left password " + round);
            CliProcess.Started right = add(b, "right password " + round);
            for (Map.Entry<String, CliProcess.Result> run :
                    Map.of(a, left.await(), b, right.await()).entrySet()) {
                CliProcess.Result r = run.getValue();
                if (r.code() == 0) {
                    added.put(
                            run.getKey(),
                            run.getKey().startsWith("left") ? "left password " + round : "right password " + round);
                } else {
                    assertThat(r.code()).as(r.err()).isEqualTo(4);
                    assertThat(r.err()).contains(BUSY);
                    assertOneCleanLine(r.err());
                    refused.add(run.getKey());
                }
            }
        }
        System.out.printf("ConcurrentWritersTest: %d adds done, %d refused as busy%n", added.size(), refused.size());

        assertThat(CrashSafetyTest.integrityCheck(vault)).isEqualTo("ok");
        try (Secret master = Secret.copyOf(MASTER.toCharArray());
                VaultSession session = service().open(vault, master)) {
            assertThat(session.accounts().stream().map(a -> a.address().value()))
                    .containsExactlyInAnyOrderElementsOf(added.keySet());
            added.forEach((address, password) -> {
                try (Secret stored = session.secret(Address.of(address), CredentialRef.IMAP);
                        Secret wanted = Secret.copyOf(password.toCharArray())) {
                    assertThat(stored.sameValueAs(wanted)).as(address).isTrue();
                }
            });
        }
    }

    @Test
    @DisplayName(
            "a vault held by another writer past the 5 s wait: exit 4, one line saying it is in use, nothing written")
    void heldLongerThanTheWait() throws Exception {
        byte[] before;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + vault);
                Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            before = files();
            CliProcess.Result r = add("waits@example.org", "its password").await();

            assertThat(r.code()).as(r.err()).isEqualTo(4);
            assertThat(r.err()).contains(BUSY);
            assertOneCleanLine(r.err());
            assertThat(files()).isEqualTo(before);
            s.execute("ROLLBACK");
        }
        CliProcess.Result again = add("waits@example.org", "its password").await();
        assertThat(again.code()).as(again.err()).isZero();
    }

    private byte[] files() throws Exception {
        Path wal = vault.resolveSibling("vault.db-wal");
        byte[] db = Files.readAllBytes(vault);
        byte[] log = Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0];
        byte[] both = new byte[db.length + log.length];
        System.arraycopy(db, 0, both, 0, db.length);
        System.arraycopy(log, 0, both, db.length, log.length);
        return both;
    }

    private VaultService service() {
        return new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("test-state"));
    }

    static void assertOneCleanLine(String stderr) {
        assertThat(stderr.strip().lines()).hasSize(1);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
