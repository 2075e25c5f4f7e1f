package dev.mailvault.core.verify.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The plain socket of a STARTTLS connection. Until TLS is layered over it, its streams feed the
 * {@link Transcript}, enforce the {@link GuardedInputStream} limits, acknowledge at once ({@link
 * QuickAckInputStream}) and bound each write ({@link WriteTimeoutOutputStream}). Not final only so
 * that a test can watch the socket options it sets.
 */
class GuardedSocket extends Socket {
    private final Attempt attempt;
    private final Object lock = new Object();
    private volatile boolean guarding = true;
    private InputStream guardedIn;
    private OutputStream guardedOut;

    GuardedSocket(Attempt attempt) {
        this.attempt = attempt;
    }

    void stopGuarding() {
        guarding = false;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream raw = super.getInputStream();
        if (!guarding) {
            return raw;
        }
        synchronized (lock) {
            if (guardedIn == null) {
                guardedIn =
                        new GuardedInputStream(new QuickAckInputStream(raw, this), attempt.transcript, attempt.imap);
            }
            return guardedIn;
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        OutputStream raw = super.getOutputStream();
        if (!guarding) {
            return raw;
        }
        synchronized (lock) {
            if (guardedOut == null) {
                guardedOut = new CommandSpyOutputStream(attempt.boundWrites(raw), attempt.transcript, attempt.imap);
            }
            return guardedOut;
        }
    }
}
