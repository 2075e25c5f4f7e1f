package dev.mailvault.core.verify.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Bounds each write to the server: a write that has not returned within the timeout (the server
 * stopped taking data and the connection's buffers are full) aborts the {@link Attempt}, which
 * closes its sockets, so the write fails instead of hanging until the overall deadline.
 */
final class WriteTimeoutOutputStream extends FilterOutputStream {
    private final Attempt attempt;
    private final Watchdog watchdog;
    private final Duration timeout;

    WriteTimeoutOutputStream(OutputStream out, Attempt attempt, Watchdog watchdog, Duration timeout) {
        super(out);
        this.attempt = attempt;
        this.watchdog = watchdog;
        this.timeout = timeout;
    }

    @Override
    public void write(int b) throws IOException {
        ScheduledFuture<?> limit = start();
        try {
            out.write(b);
        } finally {
            limit.cancel(false);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> limit = start();
        try {
            out.write(b, off, len);
        } finally {
            limit.cancel(false);
        }
    }

    @Override
    public void flush() throws IOException {
        ScheduledFuture<?> limit = start();
        try {
            out.flush();
        } finally {
            limit.cancel(false);
        }
    }

    private ScheduledFuture<?> start() {
        return watchdog.schedule(() -> attempt.abort(Attempt.Abort.WRITE_TIMEOUT), timeout);
    }
}
