package dev.mailvault.bench;

import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Prints the vault's Argon2id output for a fixed password and salt, so bench/run can check that
 * the in-process libargon2 peer computes the same function before it times it.
 */
public final class KdfCheck {
    private KdfCheck() {}

    public static void main(String[] args) {
        byte[] salt = args[1].getBytes(StandardCharsets.US_ASCII);
        try (Secret password = Secret.copyOf(args[0].toCharArray())) {
            System.out.println(HexFormat.of().formatHex(MasterKey.deriveKek(password, KdfParameters.FLOOR, salt)));
        }
    }
}
