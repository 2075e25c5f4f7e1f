package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.crypto.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plaintext of an encrypted column: named values, length-prefixed. Small and exact, so the
 * bytes that get encrypted are the bytes that come back, and a wipe reaches every copy we made.
 *
 * <p>Fields are either put, to be encoded, or decoded from a plaintext, which they then own and
 * read in place: decoding makes no copy of a name or value, only {@link #string} and {@link #bytes}
 * do (a list of 10,000 accounts decoded a map of copies per row, a quarter of what it allocated).
 */
final class Fields {
    private static final int MAX_FIELDS = 1000;

    /** Put values by name, in order; null when decoded. */
    private final Map<String, byte[]> values;
    /** Decoded: the plaintext, and per field the offset and length of its name and of its value. */
    private final byte[] data;

    private final int[] spans;
    /** Decoded: the arrays {@link #bytes} handed out, wiped with the plaintext. */
    private List<byte[]> handedOut;

    Fields() {
        this.values = new LinkedHashMap<>();
        this.data = null;
        this.spans = null;
    }

    private Fields(byte[] data, int[] spans) {
        this.values = null;
        this.data = data;
        this.spans = spans;
    }

    Fields put(String name, String value) {
        return putBytes(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    Fields put(String name, long value) {
        return put(name, Long.toString(value));
    }

    Fields putBytes(String name, byte[] value) {
        if (values == null) {
            throw new IllegalStateException("decoded fields are read-only");
        }
        values.put(name, value == null ? new byte[0] : value);
        return this;
    }

    String string(String name) {
        if (values != null) {
            return new String(valueOf(name), StandardCharsets.UTF_8);
        }
        int i = find(name);
        return spans[i + 3] == 0 ? "" : new String(data, spans[i + 2], spans[i + 3], StandardCharsets.UTF_8);
    }

    /**
     * Whether the value is {@code value}. An ASCII value (the clear columns' copies: ids, dates,
     * hex) is compared in place; a list of 10,000 accounts made 100,000 strings only to compare them.
     */
    boolean holds(String name, String value) {
        if (values == null && isAscii(value)) {
            int i = find(name);
            return matches(spans[i + 2], spans[i + 3], value);
        }
        return string(name).equals(value);
    }

    private static boolean isAscii(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value as bytes. Of decoded fields a copy, which {@link #wipe} overwrites too: a secret
     * read this way is gone with the record.
     */
    byte[] bytes(String name) {
        if (values != null) {
            return valueOf(name);
        }
        int i = find(name);
        byte[] copy = Arrays.copyOfRange(data, spans[i + 2], spans[i + 2] + spans[i + 3]);
        if (handedOut == null) {
            handedOut = new ArrayList<>(1);
        }
        handedOut.add(copy);
        return copy;
    }

    private byte[] valueOf(String name) {
        byte[] v = values.get(name);
        if (v == null) {
            throw lacks(name);
        }
        return v;
    }

    /** The index into {@link #spans} of the field called {@code name}; the last one if named twice. */
    private int find(String name) {
        for (int i = spans.length - 4; i >= 0; i -= 4) {
            if (matches(spans[i], spans[i + 1], name)) {
                return i;
            }
        }
        throw lacks(name);
    }

    /** Whether {@code data[offset, offset + length)} is {@code ascii}, which must be ASCII (names are). */
    private boolean matches(int offset, int length, String ascii) {
        if (length != ascii.length()) {
            return false; // one byte per char
        }
        for (int k = 0; k < length; k++) {
            if (data[offset + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static IntegrityException lacks(String name) {
        return new IntegrityException("encrypted record lacks field " + name);
    }

    /**
     * The length-prefixed form, written into one array of the exact size: a growing buffer would
     * leave outgrown copies of a secret behind that nobody can wipe.
     */
    byte[] encode() {
        int size = 4;
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            size += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(values.size());
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.putInt(k.length);
            out.put(k);
            out.putInt(e.getValue().length);
            out.put(e.getValue());
        }
        return out.array();
    }

    /** Reads {@code data} in place: the fields own it from here on, and {@link #wipe} clears it. */
    static Fields decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            int count = in.getInt();
            if (count < 0 || count > MAX_FIELDS) {
                throw new IntegrityException("malformed record");
            }
            int[] spans = new int[count * 4];
            for (int i = 0; i < spans.length; i += 2) {
                int length = checkedLength(in.getInt(), in);
                spans[i] = in.position();
                spans[i + 1] = length;
                in.position(in.position() + length);
            }
            if (in.hasRemaining()) {
                throw new IntegrityException("malformed record");
            }
            return new Fields(data, spans);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IntegrityException("malformed record");
        }
    }

    /** Overwrites every value (and of decoded fields every copy handed out); used for records that held a secret. */
    void wipe() {
        if (values != null) {
            values.values().forEach(v -> Arrays.fill(v, (byte) 0));
            return;
        }
        Arrays.fill(data, (byte) 0);
        if (handedOut != null) {
            handedOut.forEach(v -> Arrays.fill(v, (byte) 0));
        }
    }

    private static int checkedLength(int length, ByteBuffer in) {
        if (length < 0 || length > in.remaining()) {
            throw new IntegrityException("malformed record");
        }
        return length;
    }
}
