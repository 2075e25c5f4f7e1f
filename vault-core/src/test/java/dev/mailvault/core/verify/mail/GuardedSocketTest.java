package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A check's plain socket (before STARTTLS)")
class GuardedSocketTest {
    @Test
    @DisplayName("asks for at-once acknowledgements before each read of the server's answer")
    void quickAckBeforeEachRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Watchdog watchdog = new Watchdog("plain-test-watchdog")) {
            Attempt attempt = new Attempt(true, watchdog, Duration.ofSeconds(5));
            CountingSocket socket = new CountingSocket(attempt);
            assumeTrue(
                    socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK),
                    "TCP_QUICKACK exists on Linux only");
            attempt.track(socket);
            socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 5000);
            try (Socket accepted = server.accept()) {
                accepted.getOutputStream().write("* OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] line = new byte[64];
                int n = in.read(line);
                assertThat(new String(line, 0, n, StandardCharsets.US_ASCII)).startsWith("* OK");
                assertThat(socket.quickAcks).isPositive();
            } finally {
                attempt.closeAll();
            }
        }
    }

    @Test
    @DisplayName("ends the check when the server stops taking data")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the limit, the write hangs
    void stalledWriteAborts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Watchdog watchdog = new Watchdog("plain-test-watchdog")) {
            Attempt attempt = new Attempt(true, watchdog, Duration.ofMillis(300));
            GuardedSocket socket = new GuardedSocket(attempt);
            attempt.track(socket);
            socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 5000);
            try (Socket accepted = server.accept()) { // accepted, and never read from
                WriteTimeoutTest.assertStalledWriteEndsCheck(socket.getOutputStream(), attempt);
            }
        }
    }

    /** The check's plain socket, counting the at-once acknowledgements asked of it. */
    private static final class CountingSocket extends GuardedSocket {
        volatile int quickAcks;

        CountingSocket(Attempt attempt) {
            super(attempt);
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            if (name == ExtendedSocketOptions.TCP_QUICKACK && Boolean.TRUE.equals(value)) {
                quickAcks++;
            }
            return super.setOption(name, value);
        }
    }
}
