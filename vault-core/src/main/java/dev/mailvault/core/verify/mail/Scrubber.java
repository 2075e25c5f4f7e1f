package dev.mailvault.core.verify.mail;

import dev.mailvault.core.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Removes a password from server texts before they are kept or shown: the password itself, its
 * base64 form, the SASL PLAIN blobs that carry it, and its IMAP quoted form. Holds these as {@code
 * char[]} and wipes them on {@link #close()}.
 */
final class Scrubber implements AutoCloseable {
    static final String MASK = "[password removed]";

    private final List<char[]> needles = new ArrayList<>();

    Scrubber(Secret password, String login) {
        char[] chars = password.revealChars();
        if (chars.length == 0) {
            return;
        }
        needles.add(chars);
        byte[] utf8 = password.revealUtf8();
        byte[] user = login.getBytes(StandardCharsets.UTF_8);
        addBase64(utf8);
        // SASL PLAIN: Jakarta Mail sends "\0user\0password" for IMAP and "user\0user\0password" for SMTP
        byte[] imapPlain = concat(new byte[] {0}, user, new byte[] {0}, utf8);
        byte[] smtpPlain = concat(user, new byte[] {0}, user, new byte[] {0}, utf8);
        addBase64(imapPlain);
        addBase64(smtpPlain);
        Arrays.fill(imapPlain, (byte) 0);
        Arrays.fill(smtpPlain, (byte) 0);
        Arrays.fill(utf8, (byte) 0);
        addQuoted(chars);
        addAsRecorded(chars);
        needles.sort(Comparator.comparingInt((char[] n) -> n.length).reversed());
    }

    /** {@code text} with every occurrence of the password (in any of its forms) replaced. */
    String scrub(String text) {
        if (text == null || text.isEmpty() || needles.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (char[] needle : needles) {
            int at = indexOf(out, needle, 0);
            while (at >= 0) {
                out.replace(at, at + needle.length, MASK);
                at = indexOf(out, needle, at + MASK.length());
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        needles.forEach(n -> Arrays.fill(n, '\0'));
        needles.clear();
    }

    /** Adds the base64 form with its padding and without (a server may echo either). */
    private void addBase64(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().encode(bytes);
        int unpadded = encoded.length;
        while (unpadded > 0 && encoded[unpadded - 1] == '=') {
            unpadded--;
        }
        addAscii(encoded, encoded.length);
        if (unpadded != encoded.length) {
            addAscii(encoded, unpadded);
        }
        Arrays.fill(encoded, (byte) 0);
    }

    private void addAscii(byte[] ascii, int length) {
        if (length == 0) {
            return;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ascii[i];
        }
        needles.add(chars);
    }

    private void addQuoted(char[] chars) {
        int extra = 0;
        for (char c : chars) {
            if (c == '"' || c == '\\') {
                extra++;
            }
        }
        if (extra == 0) {
            return;
        }
        char[] quoted = new char[chars.length + extra];
        int j = 0;
        for (char c : chars) {
            if (c == '"' || c == '\\') {
                quoted[j++] = '\\';
            }
            quoted[j++] = c;
        }
        needles.add(quoted);
    }

    /**
     * The password as {@link Transcript} records a server line that echoes it: a password with a tab
     * or another control character in it would otherwise be shown with a space there instead.
     */
    private void addAsRecorded(char[] chars) {
        char[] recorded = new char[chars.length];
        int length = 0;
        boolean changed = false;
        boolean visible = false;
        for (char c : chars) {
            int shown = Transcript.shown(c);
            changed |= shown != c;
            if (shown >= 0) {
                recorded[length++] = (char) shown;
                visible |= shown != ' ';
            }
        }
        if (changed && visible) {
            needles.add(Arrays.copyOf(recorded, length));
        }
        Arrays.fill(recorded, '\0');
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int indexOf(StringBuilder haystack, char[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.charAt(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
