package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.TestVaults;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;

/**
 * The child JVM of {@link SecretsInMemoryTest}: does what a user's session does with a vault —
 * create, unlock, store a secret, read it back, derive the key-encryption key as a caller of the
 * public API would, lock — then prints {@code locked} and waits, so that the test can dump its heap.
 *
 * <p>Both secrets arrive on standard input, read with our own arrays straight from the file
 * descriptor: {@code System.in} would keep a copy in its buffer, and argv or a String literal would
 * put them in the heap before the code under test ever saw them.
 */
public final class LockedVaultProcess {
    private LockedVaultProcess() {}

    public static void main(String[] args) throws Exception {
        Path vault = Path.of(args[0]);
        Path state = Path.of(args[1]);
        Address address = Address.of(args[2]);
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        VaultService service = new VaultService(Clock.systemUTC(), new SecureRandom(), state);
        try (Secret master = readLine(stdin);
                Secret mailPassword = readLine(stdin)) {
            service.create(vault, master, KdfParameters.FLOOR);
            try (VaultSession session = service.open(vault, master)) {
                session.addAccount(TestVaults.spec(address.value()), mailPassword, null);
            }
            try (VaultSession session = service.open(vault, master);
                    Secret stored = session.secret(address, CredentialRef.IMAP)) {
                char[] chars = stored.revealChars();
                boolean same = stored.sameValueAs(mailPassword);
                Arrays.fill(chars, '\0');
                if (!same) {
                    throw new IllegalStateException("the secret did not read back");
                }
            }
            byte[] kek = MasterKey.deriveKek(master, KdfParameters.FLOOR, salt(vault));
            Arrays.fill(kek, (byte) 0);
        }
        System.out.println("locked");
        System.out.flush();
        // wait until the test has taken its heap dump and closes our standard input
        while (stdin.read() != -1) {
            // discard
        }
    }

    /** One line of UTF-8, decoded into a Secret; every array that held it is wiped. */
    private static Secret readLine(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        int length = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (length == buffer.length) {
                throw new IOException("line too long");
            }
            buffer[length++] = (byte) b;
        }
        byte[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, (byte) 0);
        try {
            return Secret.fromUtf8(line);
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static byte[] salt(Path vault) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + vault);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT salt FROM vault_header WHERE id = 1")) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
