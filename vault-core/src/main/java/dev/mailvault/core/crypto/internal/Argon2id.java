package dev.mailvault.core.crypto.internal;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import dev.mailvault.core.crypto.KdfParameters;

/** Argon2id (RFC 9106) through argon2-jvm's bundled native libargon2. */
public final class Argon2id {
    public static final int KEY_LENGTH = 32;
    private static final Argon2Advanced ARGON2 =
            Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, 16, KEY_LENGTH);

    private Argon2id() {}

    /** Derives a 32-byte key; the caller wipes both the password bytes and the result. */
    public static byte[] derive(byte[] password, byte[] salt, KdfParameters p) {
        return ARGON2.rawHash(p.iterations(), p.memoryKib(), p.parallelism(), password, salt);
    }
}
