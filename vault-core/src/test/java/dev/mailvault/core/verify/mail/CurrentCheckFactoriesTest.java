package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shared session's socket factories")
class CurrentCheckFactoriesTest {

    @Test
    @DisplayName("with no check bound to the thread, give no socket at all (never a default-trust one)")
    void failClosed() throws Exception {
        CurrentCheckFactories factories = new CurrentCheckFactories();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertThatThrownBy(() -> factories.ssl.createSocket("127.0.0.1", port))
                    .isInstanceOf(SocketException.class);
            assertThatThrownBy(() -> factories.plain.createSocket("127.0.0.1", port))
                    .isInstanceOf(SocketException.class);
            assertThatThrownBy(() -> factories.plain.createSocket()).isInstanceOf(SocketException.class);
        }
    }

    @Test
    @DisplayName("give the bound check's sockets on its own thread only, and none after the binding ends")
    void boundPerThread() throws Exception {
        CurrentCheckFactories factories = new CurrentCheckFactories();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        Watchdog watchdog = new Watchdog("factories-test-watchdog");
        Attempt attempt = new Attempt(true, watchdog, Duration.ofSeconds(1));
        try (watchdog;
                CurrentCheckFactories.Binding binding = factories.bind(
                        new TargetSslSocketFactory(context, attempt, 1000), new PlainSocketFactory(attempt, 1000))) {
            Socket socket = factories.plain.createSocket();
            assertThat(socket).isInstanceOf(GuardedSocket.class);
            socket.close();
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try {
                    factories.plain.createSocket().close();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            assertThat(other.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketException.class);
        }
        assertThatThrownBy(() -> factories.plain.createSocket()).isInstanceOf(SocketException.class);
        attempt.closeAll();
    }
}
