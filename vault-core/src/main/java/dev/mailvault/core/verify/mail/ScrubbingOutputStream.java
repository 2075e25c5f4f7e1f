package dev.mailvault.core.verify.mail;

import dev.mailvault.core.PrintableText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes Jakarta Mail's debug output on line by line with the password removed ({@link Scrubber}).
 * Jakarta Mail already leaves the authentication exchange out ({@code mail.debug.auth=false}); this
 * also catches a server that echoes the password back.
 */
final class ScrubbingOutputStream extends OutputStream {
    private static final int MAX_LINE = 16 * 1024;

    private final PrintStream target;
    private final Scrubber scrubber;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ScrubbingOutputStream(PrintStream target, Scrubber scrubber) {
        this.target = target;
        this.scrubber = scrubber;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        boolean newline = text.endsWith("\n");
        String body = newline ? text.substring(0, text.length() - 1) : text;
        // a server's words are in this trace as sent: nothing in them may drive the terminal
        String clean = PrintableText.of(scrubber.scrub(body)) + (newline ? "\n" : "");
        // one line at a time so that concurrent checks do not interleave within a line
        synchronized (target) {
            target.print(clean);
        }
    }
}
