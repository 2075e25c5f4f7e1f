package dev.mailvault.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} that writes UTF-8 text line by line into one of the command's writers, for
 * libraries that trace to a stream (the mail protocol trace of {@code --debug}). What reaches it has
 * already had every password removed by the core.
 */
public final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    public static PrintStream over(PrintWriter writer) {
        return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes the bytes so far as text; a line cut in the middle of a character is kept for later. */
    @Override
    public synchronized void flush() {
        byte[] bytes = line.toByteArray();
        int complete = completeLength(bytes);
        if (complete > 0) {
            writer.print(new String(bytes, 0, complete, StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
            line.write(bytes, complete, bytes.length - complete);
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** The length up to the last whole UTF-8 character. */
    private static int completeLength(byte[] bytes) {
        int end = bytes.length;
        int i = end - 1;
        int continuation = 0;
        while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return end;
        }
        int lead = bytes[i] & 0xFF;
        int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return needed > continuation ? i : end;
    }
}
