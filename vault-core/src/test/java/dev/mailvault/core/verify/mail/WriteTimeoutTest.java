package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A check's writes")
class WriteTimeoutTest {
    @Test
    @DisplayName("end the check when the server stops taking data, instead of hanging")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the limit, the write hangs
    void stalledWriteAborts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Watchdog watchdog = new Watchdog("write-test-watchdog")) {
            Attempt attempt = new Attempt(true, watchdog, Duration.ofMillis(300));
            Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
            attempt.track(socket);
            try (Socket accepted = server.accept()) { // accepted, and never read from
                assertStalledWriteEndsCheck(attempt.boundWrites(socket.getOutputStream()), attempt);
                assertThat(socket.isClosed()).isTrue();
            }
        }
    }

    /**
     * Writes far more than the kernel buffers on both sides hold to a server that takes nothing, so
     * that a write blocks, and expects the write timeout to end it.
     */
    static void assertStalledWriteEndsCheck(OutputStream out, Attempt attempt) {
        byte[] chunk = new byte[64 * 1024];
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 16 * 1024; i++) {
                        out.write(chunk);
                    }
                })
                .isInstanceOf(IOException.class);
        assertThat(attempt.aborted()).isEqualTo(Attempt.Abort.WRITE_TIMEOUT);
    }

    @Test
    @DisplayName("leave a check alone whose writes finish in time")
    void promptWritesPass() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Watchdog watchdog = new Watchdog("write-test-watchdog")) {
            Attempt attempt = new Attempt(true, watchdog, Duration.ofMillis(300));
            Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
            attempt.track(socket);
            try (Socket accepted = server.accept()) {
                OutputStream out = attempt.boundWrites(socket.getOutputStream());
                out.write("A1 CAPABILITY\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(600); // twice the timeout: a limit left running would have fired by now
                assertThat(attempt.aborted()).isNull();
                assertThat(socket.isClosed()).isFalse();
            } finally {
                attempt.closeAll();
            }
        }
    }
}
