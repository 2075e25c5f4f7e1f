package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.crypto.KdfParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The vault header row. The wrap of the vault key is bound to the fields that never change without
 * a new wrap (vault id, KDF parameters, salt); the header MAC covers every field, the generation
 * counter included.
 */
record Header(
        int formatVersion,
        byte[] vaultId,
        KdfParameters kdf,
        byte[] salt,
        byte[] wrappedKey,
        long generation,
        byte[] mac) {

    byte[] wrapAssociatedData() {
        return wrapAssociatedData(vaultId, kdf, salt);
    }

    static byte[] wrapAssociatedData(byte[] vaultId, KdfParameters kdf, byte[] salt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("mailvault-wrap\0".getBytes(StandardCharsets.US_ASCII));
        writeBlock(out, vaultId);
        writeLong(out, kdf.memoryKib());
        writeLong(out, kdf.iterations());
        writeLong(out, kdf.parallelism());
        writeBlock(out, salt);
        return out.toByteArray();
    }

    byte[] macInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("mailvault-header\0".getBytes(StandardCharsets.US_ASCII));
        writeLong(out, formatVersion);
        writeBlock(out, vaultId);
        writeLong(out, kdf.memoryKib());
        writeLong(out, kdf.iterations());
        writeLong(out, kdf.parallelism());
        writeBlock(out, salt);
        writeBlock(out, wrappedKey);
        writeLong(out, generation);
        return out.toByteArray();
    }

    Header withMac(byte[] newMac) {
        return new Header(formatVersion, vaultId, kdf, salt, wrappedKey, generation, newMac);
    }

    Header withGeneration(long newGeneration) {
        return new Header(formatVersion, vaultId, kdf, salt, wrappedKey, newGeneration, mac);
    }

    private static void writeBlock(ByteArrayOutputStream out, byte[] block) {
        writeLong(out, block.length);
        out.writeBytes(block);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }
}
