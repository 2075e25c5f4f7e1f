package dev.mailvault.core.verify.mail;

import dev.mailvault.core.verify.CheckTexts.Kind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the server's side of a connection for the {@link Transcript} and stops a hostile server
 * early: no line over {@value #MAX_LINE} bytes, no IMAP literal announced over {@value
 * #MAX_LITERAL} bytes (Jakarta Mail would allocate it up front), no more than {@value #MAX_TOTAL}
 * bytes in all. A login exchange is a few kilobytes.
 */
final class GuardedInputStream extends FilterInputStream {
    static final int MAX_LINE = 64 * 1024;
    static final long MAX_LITERAL = 64 * 1024;
    static final long MAX_TOTAL = 1024 * 1024;

    private final Transcript transcript;
    private final boolean imap;
    private final byte[] line = new byte[Transcript.MAX_LINE_CHARS * 4];
    private final byte[] tail = new byte[24];
    private int lineLength;
    private long total;

    GuardedInputStream(InputStream in, Transcript transcript, boolean imap) {
        super(in);
        this.transcript = transcript;
        this.imap = imap;
    }

    @Override
    public int read() throws IOException {
        failIfViolated();
        int b = in.read();
        if (b >= 0) {
            inspect((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        failIfViolated();
        int n = in.read(b, off, len);
        for (int i = 0; i < n; i++) {
            inspect(b[off + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be inspected like read ones
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void inspect(byte b) throws IOException {
        if (++total > MAX_TOTAL) {
            fail(Kind.TOO_MUCH_DATA.english(MAX_TOTAL / 1024));
        }
        if (lineLength < line.length) {
            line[lineLength] = b;
        }
        System.arraycopy(tail, 1, tail, 0, tail.length - 1);
        tail[tail.length - 1] = b;
        lineLength++;
        if (b == '\n') {
            transcript.serverLine(line, Math.min(lineLength, line.length));
            int length = lineLength;
            lineLength = 0;
            if (imap) {
                checkLiteral(length);
            }
        } else if (lineLength > MAX_LINE) {
            fail(Kind.LINE_TOO_LONG.english(MAX_LINE / 1024));
        }
    }

    /** An IMAP line ending in {@code {N}} announces N bytes of literal data. */
    private void checkLiteral(int length) throws IOException {
        int end = tail.length - 1; // '\n'
        if (tail[end - 1] == '\r') {
            end--;
        }
        int close = end - 1;
        if (close < 0 || tail[close] != '}' || length < 3) {
            return;
        }
        int i = close - 1;
        if (i >= 0 && tail[i] == '+') {
            i--;
        }
        long value = 0;
        int digits = 0;
        while (i >= 0 && tail[i] >= '0' && tail[i] <= '9') {
            i--;
            digits++;
        }
        if (i < 0 || tail[i] != '{' || digits == 0) {
            if (i < 0 && digits > 0) {
                fail(Kind.LITERAL_DIGITS.english(tail.length - 3));
            }
            return;
        }
        for (int d = i + 1; d < i + 1 + digits; d++) {
            value = value * 10 + (tail[d] - '0');
            if (value > MAX_LITERAL) {
                break;
            }
        }
        if (value > MAX_LITERAL) {
            fail(Kind.LITERAL_TOO_BIG.english(MAX_LITERAL / 1024));
        }
    }

    private void failIfViolated() throws IOException {
        String violation = transcript.violation();
        if (violation != null) {
            throw new ServerMisbehaviorException(violation);
        }
    }

    private void fail(String what) throws IOException {
        transcript.violation(what);
        throw new ServerMisbehaviorException(what);
    }
}
