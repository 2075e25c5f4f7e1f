package dev.mailvault.core.verify.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * Asks the kernel, before each read, to acknowledge the server's next segments at once. After
 * sending a command, Linux delays its acknowledgements (by up to 40 ms) in the hope of sending them
 * with the next data; a server that writes its answer in more than one piece with Nagle's algorithm
 * on (GreenMail: the IMAP capability line, then the tagged reply; after a TLS 1.3 handshake, the
 * session tickets, then the greeting) holds each later piece until the earlier one is
 * acknowledged, so a login would wait that long for nothing several times. A hint only: where the
 * option does not exist (not Linux) or cannot be set, the read goes on as before.
 *
 * <p>{@code socket} must be the TCP connection itself or a TLS socket layered over it, never a
 * wrapper that refuses socket options.
 */
final class QuickAckInputStream extends FilterInputStream {
    private final Socket socket;
    private boolean supported;

    QuickAckInputStream(InputStream in, Socket socket) {
        super(in);
        this.socket = socket;
        this.supported = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }

    @Override
    public int read() throws IOException {
        acknowledgeAtOnce();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        acknowledgeAtOnce();
        return in.read(b, off, len);
    }

    private void acknowledgeAtOnce() {
        if (!supported) {
            return;
        }
        try {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            // a closed or broken connection: the read that follows reports it
            supported = false;
        }
    }
}
