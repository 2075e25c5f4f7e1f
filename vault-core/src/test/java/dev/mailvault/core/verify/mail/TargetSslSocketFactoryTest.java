package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.verify.TrustAnchors;
import dev.mailvault.core.verify.VerifyOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.angus.mail.util.SocketFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A check's TLS sockets")
class TargetSslSocketFactoryTest {
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    private SSLServerSocket server;
    private CompletableFuture<Void> served;
    /** Set by a test before it connects: the server then reads nothing until the test ends. */
    private volatile boolean takeNothing;

    private final CountDownLatch finished = new CountDownLatch(1);
    private Watchdog watchdog;
    private Attempt attempt;
    private TargetSslSocketFactory factory;
    private SSLContext clientContext;

    @BeforeEach
    void greetingServer() throws Exception {
        LocalCertificate ca = LocalCertificate.builder()
                .commonName("socket test CA")
                .certificateAuthority()
                .build();
        LocalCertificate cert =
                LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca).build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(cert.pkcs12(STORE_PASSWORD)), STORE_PASSWORD);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket)
                serverContext.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        served = CompletableFuture.runAsync(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.startHandshake();
                OutputStream out = s.getOutputStream();
                out.write("* OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (takeNothing) {
                    finished.await(); // until the test ends
                } else {
                    s.getInputStream().read(); // until the client closes
                }
            } catch (Exception e) {
                // the client's assertions say what went wrong
            }
        });

        watchdog = new Watchdog("socket-test-watchdog");
        attempt = new Attempt(true, watchdog, Duration.ofSeconds(5));
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {new TargetTrustManager(TrustAnchors.withCa(ca.pem()))}, null);
        factory = new TargetSslSocketFactory(clientContext, attempt, 5000);
        this.clientContext = clientContext;
    }

    @AfterEach
    void stop() throws Exception {
        attempt.closeAll();
        watchdog.close();
        finished.countDown();
        server.close();
        served.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("send the handshake's last flight at once (no Nagle delay behind the first write)")
    void noDelay() throws Exception {
        try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", server.getLocalPort())) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            socket.startHandshake();
            assertThat(greeting(socket)).isEqualTo("* OK ready");
        }
    }

    @Test
    @DisplayName("ask for at-once acknowledgements before each read of the server's answer")
    void quickAckBeforeEachRead() throws Exception {
        RecordingSocket plain = new RecordingSocket();
        assumeTrue(
                plain.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK),
                "TCP_QUICKACK exists on Linux only");
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
        try (Socket socket = factory.createSocket(plain, "127.0.0.1", server.getLocalPort(), true)) {
            ((SSLSocket) socket).startHandshake();
            int before = plain.quickAcks;
            assertThat(greeting(socket)).isEqualTo("* OK ready");
            // one request per read call: "* OK ready\r\n" is read a byte at a time
            assertThat(plain.quickAcks - before).isGreaterThanOrEqualTo("* OK ready\r\n".length());
        }
    }

    @Test
    @DisplayName("get from Jakarta Mail the TCP connection itself, which takes socket options")
    void optionsReachTheConnection() throws Exception {
        try (Socket probe = new Socket()) {
            assumeTrue(
                    probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK),
                    "TCP_QUICKACK exists on Linux only");
        }
        try (JakartaMailLoginChecker checker =
                new JakartaMailLoginChecker(new VerifyOptions(Duration.ofSeconds(5), Clock.systemUTC()))) {
            // the socket Jakarta Mail makes for implicit TLS from the checker's own session properties;
            // its write-timeout wrapper, for one, refuses every socket option
            Properties props = checker.properties("imaps", factory, new PlainSocketFactory(attempt, 5000));
            try (Socket socket =
                    SocketFetcher.getSocket("127.0.0.1", server.getLocalPort(), props, "mail.imaps", true)) {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                assertThat(socket.getOption(ExtendedSocketOptions.TCP_QUICKACK)).isTrue();
                assertThat(greeting(socket)).isEqualTo("* OK ready");
            }
        }
    }

    @Test
    @DisplayName("end the check when the server stops taking data")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the limit, the write hangs
    void stalledWriteAborts() throws Exception {
        takeNothing = true;
        Attempt stalled = new Attempt(true, watchdog, Duration.ofMillis(300));
        TargetSslSocketFactory quick = new TargetSslSocketFactory(clientContext, stalled, 5000);
        try (Socket socket = quick.createSocket("127.0.0.1", server.getLocalPort())) {
            assertThat(greeting(socket)).isEqualTo("* OK ready");
            WriteTimeoutTest.assertStalledWriteEndsCheck(socket.getOutputStream(), stalled);
        } finally {
            stalled.closeAll();
        }
    }

    /** A real TCP socket that counts the at-once acknowledgements asked of it. */
    private static final class RecordingSocket extends Socket {
        volatile int quickAcks;

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            if (name == ExtendedSocketOptions.TCP_QUICKACK && Boolean.TRUE.equals(value)) {
                quickAcks++;
            }
            return super.setOption(name, value);
        }
    }

    private static String greeting(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
