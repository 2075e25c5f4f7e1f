package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.crypto.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plaintext of an encrypted column: named values, length-prefixed. Small and exact, so the
 * bytes that get encrypted are the bytes that come back, and a wipe reaches every copy we made.
 */
final class Fields {
    private final Map<String, byte[]> values = new LinkedHashMap<>();

    Fields put(String name, String value) {
        values.put(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Fields put(String name, long value) {
        return put(name, Long.toString(value));
    }

    Fields putBytes(String name, byte[] value) {
        values.put(name, value == null ? new byte[0] : value);
        return this;
    }

    String string(String name) {
        byte[] v = values.get(name);
        if (v == null) {
            throw new IntegrityException("encrypted record lacks field " + name);
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    byte[] bytes(String name) {
        byte[] v = values.get(name);
        if (v == null) {
            throw new IntegrityException("encrypted record lacks field " + name);
        }
        return v;
    }

    boolean has(String name) {
        return values.containsKey(name);
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

    static Fields decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            int count = in.getInt();
            if (count < 0 || count > 1000) {
                throw new IntegrityException("malformed record");
            }
            Fields f = new Fields();
            for (int i = 0; i < count; i++) {
                byte[] k = new byte[checkedLength(in.getInt(), in)];
                in.get(k);
                byte[] v = new byte[checkedLength(in.getInt(), in)];
                in.get(v);
                f.values.put(new String(k, StandardCharsets.UTF_8), v);
            }
            if (in.hasRemaining()) {
                throw new IntegrityException("malformed record");
            }
            return f;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IntegrityException("malformed record");
        }
    }

    /** Overwrites every value; used for records that held a secret. */
    void wipe() {
        values.values().forEach(v -> Arrays.fill(v, (byte) 0));
    }

    private static int checkedLength(int length, ByteBuffer in) {
        if (length < 0 || length > in.remaining()) {
            throw new IntegrityException("malformed record");
        }
        return length;
    }
}
