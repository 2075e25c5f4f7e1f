package dev.mailvault.bench;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates a vault at the KDF floor (m = 64 MiB, t = 3, p = 4) holding {@code count} generated
 * accounts, through the core API in one process: 10,000 `vault add` runs would take most of an
 * hour and measure nothing we compare.
 *
 * <p>Usage: {@code FillVault VAULT MASTER_FILE COUNT [HOST IMAP_PORT SMTP_PORT [CA_PEM_FILE]]}
 */
public final class FillVault {
    private FillVault() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: FillVault VAULT MASTER_FILE COUNT [HOST IMAP_PORT SMTP_PORT [CA_PEM_FILE]]");
            System.exit(2);
        }
        Path vault = Path.of(args[0]);
        int count = Integer.parseInt(args[2]);
        String host = args.length > 3 ? args[3] : "127.0.0.1";
        int imapPort = args.length > 4 ? Integer.parseInt(args[4]) : 993;
        int smtpPort = args.length > 5 ? Integer.parseInt(args[5]) : 465;
        String caPem = args.length > 6 ? Files.readString(Path.of(args[6]), StandardCharsets.US_ASCII) : "";
        long start = System.nanoTime();
        VaultService service = VaultService.system();
        try (Secret master = readMaster(Path.of(args[1]))) {
            service.create(vault, master, KdfParameters.FLOOR);
            try (VaultSession session = service.open(vault, master)) {
                for (int i = 0; i < count; i++) {
                    try (Secret password = Accounts.password(i)) {
                        session.addAccount(Accounts.spec(i, host, imapPort, smtpPort, caPem), password, null);
                    }
                }
            }
        }
        System.err.printf("filled %s with %d accounts in %.1f s%n", vault, count, (System.nanoTime() - start) / 1e9);
    }

    static Secret readMaster(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            return Secret.fromUtf8(java.util.Arrays.copyOf(bytes, end));
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
