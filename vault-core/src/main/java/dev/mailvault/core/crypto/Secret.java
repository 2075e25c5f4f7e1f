package dev.mailvault.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A secret typed by a person: a master password, a mail password, an app password. Held as a
 * {@code char[]} that is wiped on {@link #close()}; {@link #toString()} never shows it. Reading the
 * value is an explicit, greppable call: {@link #revealChars()} or {@link #revealUtf8()}.
 */
public final class Secret implements Destroyable, AutoCloseable {
    private final char[] chars;
    private boolean destroyed;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** Takes ownership of {@code chars}: the caller must not use or wipe the array afterwards. */
    public static Secret adopt(char[] chars) {
        return new Secret(chars);
    }

    /** Copies {@code chars}; the caller keeps (and wipes) its own array. */
    public static Secret copyOf(char[] chars) {
        return new Secret(chars.clone());
    }

    /** Decodes UTF-8 bytes; the caller keeps (and wipes) its own array. */
    public static Secret fromUtf8(byte[] utf8) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] out = new char[decoded.remaining()];
        decoded.get(out);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        return new Secret(out);
    }

    /** A copy of the characters; the caller wipes it. */
    public char[] revealChars() {
        checkAlive();
        return chars.clone();
    }

    /** The value as UTF-8 bytes in a new array; the caller wipes it. */
    public byte[] revealUtf8() {
        checkAlive();
        // Encoded into one buffer big enough for any input: Charset.encode guesses a size and
        // grows by copying, and the outgrown copies (a prefix of the secret) cannot be wiped.
        byte[] buffer = new byte[chars.length * 3];
        try {
            ByteBuffer encoded = ByteBuffer.wrap(buffer);
            StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(chars), encoded, true);
            return Arrays.copyOf(buffer, encoded.position());
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    /**
     * The value as a String, for the one API that takes nothing else (Jakarta Mail's {@code
     * connect}). The String cannot be wiped: call this as late as possible and drop it at once.
     */
    public String revealForLegacyApi() {
        checkAlive();
        return new String(chars);
    }

    public int length() {
        checkAlive();
        return chars.length;
    }

    public boolean isEmpty() {
        return length() == 0;
    }

    /** Whether any character satisfies the test, without exposing the value. */
    public boolean anyChar(java.util.function.IntPredicate test) {
        checkAlive();
        for (char c : chars) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }

    /** Constant-time comparison of the two values. */
    public boolean sameValueAs(Secret other) {
        byte[] a = revealUtf8();
        byte[] b = other.revealUtf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    public Secret copy() {
        checkAlive();
        return new Secret(chars.clone());
    }

    @Override
    public void destroy() {
        Arrays.fill(chars, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret already destroyed");
        }
    }
}
