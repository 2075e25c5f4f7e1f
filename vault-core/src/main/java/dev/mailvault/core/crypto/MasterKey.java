package dev.mailvault.core.crypto;

import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.crypto.internal.AesGcm;
import dev.mailvault.core.crypto.internal.Argon2id;
import dev.mailvault.core.crypto.internal.Hkdf;
import dev.mailvault.core.crypto.internal.HmacSha256;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The vault key: 256 random bits, wrapped under a key-encryption key that Argon2id derives from the
 * master password. Everything else is keyed by sub-keys that HKDF derives from it: record
 * encryption, the header MAC, and blind indexes for lookups. Wiped on {@link #close()}.
 */
public final class MasterKey implements Destroyable, AutoCloseable {
    public static final int SALT_LENGTH = 16;
    private static final int KEY_LENGTH = 32;
    private static final byte[] HKDF_SALT = "mailvault/hkdf/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] vaultKey;
    private final SecureRandom random;
    private final AesGcm records;
    private final HmacSha256 headerMac;
    private final HmacSha256 index;
    private boolean destroyed;

    private MasterKey(byte[] vaultKey, SecureRandom random) {
        this.vaultKey = vaultKey;
        this.random = random;
        byte[] recordKey = Hkdf.derive(vaultKey, HKDF_SALT, "records", KEY_LENGTH);
        byte[] macKey = Hkdf.derive(vaultKey, HKDF_SALT, "header-mac", KEY_LENGTH);
        byte[] indexKey = Hkdf.derive(vaultKey, HKDF_SALT, "blind-index", KEY_LENGTH);
        try {
            this.records = new AesGcm(recordKey, random);
            this.headerMac = new HmacSha256(macKey);
            this.index = new HmacSha256(indexKey);
        } finally {
            Arrays.fill(recordKey, (byte) 0);
            Arrays.fill(macKey, (byte) 0);
            Arrays.fill(indexKey, (byte) 0);
        }
    }

    /** A fresh random vault key. */
    public static MasterKey generate(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return new MasterKey(key, random);
    }

    /**
     * Derives the key-encryption key from {@code master} and unwraps the vault key. {@code
     * associatedData} binds the wrap to the header fields it was made with.
     *
     * @throws WrongMasterPasswordException when the password (or any bound header field) differs
     */
    public static MasterKey unwrap(
            Secret master,
            KdfParameters parameters,
            byte[] salt,
            byte[] wrapped,
            byte[] associatedData,
            SecureRandom random) {
        byte[] kek = deriveKek(master, parameters, salt);
        AesGcm wrapper = new AesGcm(kek, random);
        Arrays.fill(kek, (byte) 0);
        try {
            byte[] key = wrapper.open(wrapped, associatedData);
            if (key.length != KEY_LENGTH) {
                Arrays.fill(key, (byte) 0);
                throw new WrongMasterPasswordException();
            }
            return new MasterKey(key, random);
        } catch (IntegrityException e) {
            throw new WrongMasterPasswordException();
        } finally {
            wrapper.destroy();
        }
    }

    /** Wraps this vault key under a key derived from {@code master}. */
    public byte[] wrap(Secret master, KdfParameters parameters, byte[] salt, byte[] associatedData) {
        checkAlive();
        byte[] kek = deriveKek(master, parameters, salt);
        AesGcm wrapper = new AesGcm(kek, random);
        Arrays.fill(kek, (byte) 0);
        try {
            return wrapper.seal(vaultKey, associatedData);
        } finally {
            wrapper.destroy();
        }
    }

    /** Runs Argon2id once; exposed for calibration and benchmarks. The caller wipes the result. */
    public static byte[] deriveKek(Secret master, KdfParameters parameters, byte[] salt) {
        byte[] password = master.revealUtf8();
        try {
            return Argon2id.derive(password, salt, parameters);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Encryption of records. */
    public Aead records() {
        checkAlive();
        return records;
    }

    public byte[] headerMac(byte[] data) {
        checkAlive();
        return headerMac.mac(data);
    }

    /** A keyed, deterministic index of a value, so lookups and uniqueness work without decrypting. */
    public byte[] blindIndex(String purpose, byte[] value) {
        checkAlive();
        byte[] p = purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] data = new byte[p.length + 1 + value.length];
        System.arraycopy(p, 0, data, 0, p.length);
        System.arraycopy(value, 0, data, p.length + 1, value.length);
        try {
            return index.mac(data);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("vault is locked");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(vaultKey, (byte) 0);
        records.destroy();
        headerMac.destroy();
        index.destroy();
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
        return "MasterKey[redacted]";
    }
}
