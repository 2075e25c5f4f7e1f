package dev.mailvault.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Certificate fingerprints in the form people compare by eye: {@code AB:CD:…}. */
public final class Fingerprints {
    private Fingerprints() {}

    /** The SHA-256 fingerprint of DER bytes, upper-case hex pairs joined by colons. */
    public static String sha256(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether two fingerprints name the same digest, ignoring case, colons and spaces. */
    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String fingerprint) {
        return fingerprint.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
    }
}
