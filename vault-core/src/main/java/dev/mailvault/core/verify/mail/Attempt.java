package dev.mailvault.core.verify.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection state of one check: every socket it opened (so that the overall deadline, a write
 * timeout or a cancellation can close them from another thread), the transcript, and why it was
 * aborted.
 */
final class Attempt {
    enum Abort {
        DEADLINE,
        WRITE_TIMEOUT,
        CANCELLED
    }

    final Transcript transcript = new Transcript();
    final boolean imap;
    private final Watchdog watchdog;
    private final Duration writeTimeout;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<GuardedSocket> plainSockets = new ArrayList<>();
    private volatile Abort aborted;

    Attempt(boolean imap, Watchdog watchdog, Duration writeTimeout) {
        this.imap = imap;
        this.watchdog = watchdog;
        this.writeTimeout = writeTimeout;
    }

    /** {@code out} with each write bounded by the write timeout ({@link WriteTimeoutOutputStream}). */
    OutputStream boundWrites(OutputStream out) {
        return new WriteTimeoutOutputStream(out, this, watchdog, writeTimeout);
    }

    /** Remembers a socket; one opened after an abort is closed at once. */
    void track(Socket socket) {
        boolean closeNow;
        synchronized (this) {
            closeNow = aborted != null;
            sockets.add(socket);
            if (socket instanceof GuardedSocket g) {
                plainSockets.add(g);
            }
        }
        if (closeNow) {
            closeQuietly(socket);
        }
    }

    /** TLS is being layered over the plain socket: from now on its bytes are ciphertext. */
    synchronized void stopGuardingPlain() {
        plainSockets.forEach(GuardedSocket::stopGuarding);
    }

    /** Closes every socket; the first reason given wins. Safe from any thread. */
    void abort(Abort why) {
        synchronized (this) {
            if (aborted == null) {
                aborted = why;
            }
        }
        closeAll();
    }

    Abort aborted() {
        return aborted;
    }

    void closeAll() {
        List<Socket> copy;
        synchronized (this) {
            copy = new ArrayList<>(sockets);
        }
        // plain sockets first: closing them makes a TLS close fail fast instead of waiting to send close_notify
        for (Socket s : copy) {
            if (!(s instanceof javax.net.ssl.SSLSocket)) {
                closeQuietly(s);
            }
        }
        for (Socket s : copy) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // already closed or broken: either way it is gone
        }
    }
}
