package dev.mailvault.core.transfer.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An {@link Appendable} over a {@code char[]} that is wiped when it grows and on {@link #wipe()},
 * so text holding secrets is built without Strings.
 */
public final class CharSink implements Appendable {
    private char[] buf = new char[4096];
    private int len;

    @Override
    public CharSink append(CharSequence csq) {
        return append(csq, 0, csq.length());
    }

    @Override
    public CharSink append(CharSequence csq, int start, int end) {
        for (int i = start; i < end; i++) {
            append(csq.charAt(i));
        }
        return this;
    }

    @Override
    public CharSink append(char c) {
        if (len == buf.length) {
            char[] bigger = Arrays.copyOf(buf, buf.length * 2);
            Arrays.fill(buf, '\0');
            buf = bigger;
        }
        buf[len++] = c;
        return this;
    }

    /** The text as UTF-8 in a new array; the caller wipes it. */
    public byte[] utf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(buf, 0, len));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    public void wipe() {
        Arrays.fill(buf, '\0');
        len = 0;
    }
}
