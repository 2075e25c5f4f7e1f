package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.verify.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A check's TLS sockets")
class TargetSslSocketFactoryTest {
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    private SSLServerSocket server;
    private CompletableFuture<Void> served;
    private Attempt attempt;
    private TargetSslSocketFactory factory;

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
                s.getInputStream().read(); // until the client closes
            } catch (Exception e) {
                // the client's assertions say what went wrong
            }
        });

        attempt = new Attempt(true);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {new TargetTrustManager(TrustAnchors.withCa(ca.pem()))}, null);
        factory = new TargetSslSocketFactory(clientContext, attempt, 5000);
    }

    @AfterEach
    void stop() throws Exception {
        attempt.closeAll();
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
    @DisplayName("acknowledge the server's session tickets at once, so that its greeting is not held back")
    void quickAckAfterHandshake() throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
        assumeTrue(
                plain.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK),
                "TCP_QUICKACK exists on Linux only");
        // start in delayed-acknowledgement ("ping-pong") mode, where a busy exchange like a handshake
        // leaves a connection: what the check must turn off once the handshake is done
        plain.setOption(ExtendedSocketOptions.TCP_QUICKACK, false);
        try (SSLSocket socket = (SSLSocket) factory.createSocket(plain, "127.0.0.1", server.getLocalPort(), true)) {
            socket.startHandshake();
            // read back before anything else is sent: our next write may end quick-ack mode again
            assertThat(socket.getOption(ExtendedSocketOptions.TCP_QUICKACK)).isTrue();
            assertThat(greeting(socket)).isEqualTo("* OK ready");
        }
    }

    private static String greeting(SSLSocket socket) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
