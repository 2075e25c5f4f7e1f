package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.crypto.internal.AesGcm;
import dev.mailvault.core.crypto.internal.Hkdf;
import dev.mailvault.core.testing.Bytes;
import dev.mailvault.core.testing.HeapDumps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * A heap dump of a JVM that has used a vault and locked it holds neither the master password, nor
 * the mail password it read, nor any key: the key-encryption key, the vault key, or the sub-keys
 * HKDF derives from it, nor forms as good as a key (an AES key schedule, an HMAC's pads).
 *
 * <p>The child runs with the Epsilon collector, which never collects: every array that ever held a
 * secret and was not wiped is still in the heap when it is dumped. That is the worst case for
 * wiping, and it makes the test deterministic (no collection can hide a copy by luck).
 */
@Tag("slow")
@DisplayName("Secrets in memory after the vault is locked")
class SecretsInMemoryTest {
    private static final byte[] HKDF_SALT = "mailvault/hkdf/v1".getBytes(StandardCharsets.US_ASCII);
    private static final String ADDRESS = "heap-dump@example.org";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a heap dump after lock holds no password, no secret read, and no key")
    void nothingSecretInHeapDump() throws Exception {
        // Random per run, so nothing else in the heap can match by chance; the Japanese part makes
        // the UTF-8 form longer than the character count, the case where buffers get resized.
        String token = HexFormat.of().formatHex(randomBytes(12));
        String master = "master-" + token + "-合言葉は山と川";
        String mailPassword = "mail-" + token + "-メールの合言葉";
        Path vault = dir.resolve("vault.db");
        Path dump = dir.resolve("child.hprof");

        Process child = startChild(vault);
        try {
            try (OutputStream in = child.getOutputStream()) {
                in.write((master + "\n" + mailPassword + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line)
                        .as("the child's first line (its stderr is in %s)", dir)
                        .isEqualTo("locked");
                HeapDumps.dump(child.pid(), dump);
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }

        byte[] heap = Files.readAllBytes(dump);
        Map<String, byte[]> secrets = secretsOf(vault, master, mailPassword, token);

        // the search works: values that are not secret are found in the same dump
        assertThat(Bytes.indexOf(heap, ADDRESS.getBytes(StandardCharsets.US_ASCII)))
                .as("the account's address, a String in the child's heap")
                .isNotNegative();
        assertThat(Bytes.indexOf(heap, header(vault).salt()))
                .as("the salt, a byte[]")
                .isNotNegative();

        List<String> found = new ArrayList<>();
        secrets.forEach((name, bytes) -> {
            int at = Bytes.indexOf(heap, bytes);
            if (at >= 0) {
                found.add(name + " at offset " + at);
            }
        });
        assertThat(found).as("secrets found in the heap dump %s", dump).isEmpty();
        Files.delete(dump);
    }

    private Process startChild(Path vault) throws IOException {
        List<String> command = HeapDumps.childCommand(
                List.of(),
                LockedVaultProcess.class,
                vault.toString(),
                dir.resolve("state").toString(),
                ADDRESS);
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
    }

    /** Every form in which a secret of the child could sit in its heap. */
    private static Map<String, byte[]> secretsOf(Path vault, String master, String mailPassword, String token)
            throws Exception {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        textForms(secrets, "master password", master);
        textForms(secrets, "mail password", mailPassword);
        // a copy cut short (a buffer that grew) still starts with the random part
        textForms(secrets, "start of the master password", "master-" + token);
        textForms(secrets, "start of the mail password", "mail-" + token);

        Header h = header(vault);
        byte[] kek;
        try (Secret m = Secret.copyOf(master.toCharArray())) {
            kek = MasterKey.deriveKek(m, h.kdf(), h.salt());
        }
        AesGcm wrap = new AesGcm(kek, new SecureRandom());
        byte[] vaultKey = wrap.open(h.wrappedKey(), h.wrapAssociatedData());
        byte[] recordKey = Hkdf.derive(vaultKey, HKDF_SALT, "records", 32);
        byte[] macKey = Hkdf.derive(vaultKey, HKDF_SALT, "header-mac", 32);
        byte[] indexKey = Hkdf.derive(vaultKey, HKDF_SALT, "blind-index", 32);
        secrets.put("key-encryption key", kek);
        secrets.put("vault key", vaultKey);
        secrets.put("record key", recordKey);
        secrets.put("header MAC key", macKey);
        secrets.put("blind-index key", indexKey);
        aesScheduleForms(secrets, "key-encryption key", kek);
        aesScheduleForms(secrets, "record key", recordKey);
        hmacPadForms(secrets, "header MAC key", macKey);
        hmacPadForms(secrets, "blind-index key", indexKey);
        hmacPadForms(secrets, "HKDF pseudorandom key", hmacSha256(HKDF_SALT, vaultKey));
        return secrets;
    }

    /**
     * An AES-256 key schedule begins with the key itself: round keys 0 and 1 are its two halves,
     * each as four little-endian ints, which HPROF writes big-endian (each 4-byte word reversed).
     */
    private static void aesScheduleForms(Map<String, byte[]> into, String name, byte[] key) {
        for (int half = 0; half < 2; half++) {
            byte[] words = new byte[16];
            for (int i = 0; i < 16; i++) {
                words[i] = key[half * 16 + (i / 4) * 4 + 3 - i % 4];
            }
            into.put(name + " as AES round key " + half, words);
        }
    }

    /** HMAC keeps the key XOR 0x36 and XOR 0x5c, each as good as the key. */
    private static void hmacPadForms(Map<String, byte[]> into, String name, byte[] key) {
        for (int pad : new int[] {0x36, 0x5c}) {
            byte[] padded = new byte[key.length];
            for (int i = 0; i < key.length; i++) {
                padded[i] = (byte) (key[i] ^ pad);
            }
            into.put(name + " XOR " + Integer.toHexString(pad) + " (an HMAC pad)", padded);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** UTF-8 (also a Latin-1 String's bytes), UTF-16LE (a non-Latin-1 String), UTF-16BE (a char[] in HPROF). */
    private static void textForms(Map<String, byte[]> into, String name, String value) {
        into.put(name + " (UTF-8)", value.getBytes(StandardCharsets.UTF_8));
        into.put(name + " (UTF-16LE)", value.getBytes(StandardCharsets.UTF_16LE));
        into.put(name + " (UTF-16BE)", value.getBytes(StandardCharsets.UTF_16BE));
    }

    private static Header header(Path vault) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + vault, config.toProperties());
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT format_version, vault_id, kdf_memory_kib, kdf_iterations,"
                        + " kdf_parallelism, salt, wrapped_key, generation, header_mac FROM vault_header")) {
            assertThat(rs.next()).isTrue();
            return new Header(
                    rs.getInt(1),
                    rs.getBytes(2),
                    new KdfParameters(rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                    rs.getBytes(6),
                    rs.getBytes(7),
                    rs.getLong(8),
                    rs.getBytes(9));
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
