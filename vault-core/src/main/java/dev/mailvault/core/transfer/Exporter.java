package dev.mailvault.core.transfer;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.transfer.internal.CharSink;
import dev.mailvault.core.transfer.internal.KeePassXcCsv;
import dev.mailvault.core.transfer.internal.MailUrls;
import dev.mailvault.core.transfer.internal.NoteFields;
import dev.mailvault.core.verify.Protocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes the vault out: an encrypted backup, or a plaintext CSV in KeePassXC's layout. Both create
 * a new file with mode 0600 and refuse to overwrite anything. Asking the person for confirmation
 * and for the master password again is the caller's part.
 */
public final class Exporter {
    static final String GROUP = "Mail Vault";

    private Exporter() {}

    public static ExportResult export(VaultSession session, ExportFormat format, Path target) {
        return switch (format) {
            case BACKUP -> backup(session, target);
            case KEEPASSXC_CSV -> keepassxcCsv(session, target);
        };
    }

    /**
     * A consistent copy of the whole vault (history, devices, checks, pinned certificates
     * included), still encrypted, that opens as a vault with the same master password.
     */
    public static ExportResult backup(VaultSession session, Path target) {
        List<AccountInfo> accounts = session.accounts();
        session.backupTo(target);
        return new ExportResult(
                target,
                ExportFormat.BACKUP,
                accounts.size(),
                accounts.stream().mapToInt(a -> a.credentials().size()).sum());
    }

    /**
     * Every account's current credentials in clear, one row per credential, under KeePassXC's CSV
     * header; {@link Importer} with {@link ImportFormat#KEEPASSXC_CSV} reads it back. The IMAP
     * row of an account carries its servers, SMTP login, provider, policy and its own CA certificate
     * (if any: the PEM text in base64 on one line) as {@code Key: value} lines after its notes;
     * pending values, history, devices, checks and pinned certificates are not exported (the backup
     * has them).
     */
    public static ExportResult keepassxcCsv(VaultSession session, Path target) {
        Path out = target.toAbsolutePath();
        if (Files.exists(out)) {
            throw new BadInputException(out + " already exists; it was left untouched (choose a new file name)");
        }
        if (!Files.isDirectory(out.getParent())) {
            throw new BadInputException("the folder " + out.getParent() + " does not exist; create it first");
        }
        List<AccountInfo> accounts = session.accounts();
        List<List<CharSequence>> rows = new ArrayList<>();
        List<char[]> secrets = new ArrayList<>();
        CharSink text = new CharSink();
        byte[] utf8 = null;
        try {
            for (AccountInfo account : accounts) {
                for (CredentialInfo credential : account.credentials()) {
                    char[] value;
                    try (Secret s = session.secret(account.address(), credential.ref())) {
                        value = s.revealChars();
                    }
                    secrets.add(value);
                    rows.add(row(account, credential, value));
                }
            }
            KeePassXcCsv.write(rows, text);
            utf8 = text.utf8();
            write(out, utf8);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        } finally {
            secrets.forEach(s -> Arrays.fill(s, '\0'));
            text.wipe();
            if (utf8 != null) {
                Arrays.fill(utf8, (byte) 0);
            }
        }
        return new ExportResult(target, ExportFormat.KEEPASSXC_CSV, accounts.size(), rows.size());
    }

    private static List<CharSequence> row(AccountInfo account, CredentialInfo credential, char[] value) {
        AccountSpec spec = account.spec();
        CredentialRef ref = credential.ref();
        String name = spec.displayName().isEmpty() ? spec.address().value() : spec.displayName();
        String title;
        String username;
        String url;
        String notes;
        if (ref.kind() == CredentialKind.IMAP) {
            title = name;
            username = spec.imapLogin();
            url = MailUrls.url(Protocol.IMAP, spec.imap());
            List<String> lines = NoteFields.exportLines(
                    spec.address(),
                    Optional.of(spec.smtp()),
                    spec.smtpLogin().equals(spec.imapLogin()) ? Optional.empty() : Optional.of(spec.smtpLogin()),
                    spec.providerId(),
                    spec.policy().spec(),
                    spec.caCertPem());
            notes = (spec.notes().isEmpty() ? "" : spec.notes() + "\n\n") + String.join("\n", lines);
        } else {
            title = name + " (" + ref + ")";
            username = ref.kind() == CredentialKind.SMTP
                    ? spec.smtpLogin()
                    : spec.address().value();
            url = ref.kind() == CredentialKind.SMTP ? MailUrls.url(Protocol.SMTP, spec.smtp()) : "";
            notes = String.join("\n", NoteFields.credentialLines(spec.address(), ref));
        }
        return List.of(
                GROUP,
                title,
                username,
                CharBuffer.wrap(value),
                url,
                notes,
                "",
                "0",
                seconds(credential.changedAt()),
                seconds(account.createdAt()));
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Creates {@code file} 0600 (never over an existing one) and writes {@code bytes}, synced. */
    private static void write(Path file, byte[] bytes) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(
                    file,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(file + " already exists; it was left untouched (choose a new file name)");
        }
        boolean done = false;
        try (ch) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }
}
