package dev.mailvault.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The audit as CSV")
class AuditCsvTest {
    private static final ProviderCatalog CATALOG = ProviderCatalog.builtIn();

    private static AuditReport report() {
        Map<String, Object> overdue = new LinkedHashMap<>();
        overdue.put(AuditFlag.DUE_ON, LocalDate.of(2025, 7, 10));
        overdue.put(AuditFlag.DAYS, 10L);
        overdue.put(AuditFlag.POLICY, "6m");
        AuditEntry alice = new AuditEntry(
                Address.of("alice@example.net"),
                CATALOG.generic(),
                false,
                List.of(
                        new AuditFlag(FlagCode.OVERDUE, Optional.of(CredentialRef.IMAP), overdue),
                        new AuditFlag(
                                FlagCode.REUSED,
                                Optional.of(CredentialRef.app("iPhone, old")),
                                Map.of(AuditFlag.SHARED_WITH, List.of("bob@example.org", "carol@example.com")))));
        AuditEntry formula = new AuditEntry(
                Address.of("=cmd@example.net"),
                CATALOG.generic(),
                false,
                List.of(new AuditFlag(FlagCode.DEVICES_STALE, Optional.empty(), Map.of(AuditFlag.COUNT, 2L))));
        return new AuditReport(Instant.parse("2025-07-20T09:00:00Z"), 3, List.of(alice, formula));
    }

    @Test
    @DisplayName("a header row, then one row per account and flag, quoted where needed, CRLF line ends")
    void shape() {
        String csv = AuditCsv.render(report(), ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(csv.split("\r\n", -1))
                .containsExactly(
                        "address,provider,flag,credential,action,detail,message,next_step",
                        "alice@example.net,generic,overdue,imap,rotate,due_on=2025-07-10; days=10; policy=6m,"
                                + "The IMAP password was due for a change on 2025-07-10 (10 days ago; policy: every 6"
                                + " months).,"
                                + "Rotate it: set a new password at the provider and store it here.",
                        "alice@example.net,generic,reused,\"app:iPhone, old\",rotate,"
                                + "\"shared_with=bob@example.org,carol@example.com\","
                                + "\"The app password \u201CiPhone, old\u201D is the same as a password stored for"
                                + " bob@example.org, carol@example.com.\","
                                + "Rotate it so that each account has a password of its own.",
                        "'=cmd@example.net,generic,devices-stale,,devices,count=2,"
                                + "2 devices still hold an older password of this account."
                                + ",\"Enter the current password on each of these devices, then tick them off as done.\"",
                        "");
    }

    @Test
    @DisplayName("a cell a spreadsheet would run as a formula starts with an apostrophe")
    void formulaNeutralized() {
        String csv = AuditCsv.render(report(), ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(csv).contains("\r\n'=cmd@example.net,generic,devices-stale,,devices,count=2,");
    }

    @Test
    @DisplayName("messages follow the language; header and codes stay English")
    void japanese() {
        String csv = AuditCsv.render(report(), ZoneOffset.UTC, Locale.JAPANESE);

        assertThat(csv).startsWith("address,provider,flag,credential,action,detail,message,next_step\r\n");
        assertThat(csv).contains(",overdue,imap,rotate,").contains("IMAPパスワードの変更期限は2025-07-10でした");
    }

    @Test
    @DisplayName("the file is written 0600 and replaces an existing one")
    void file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.csv");
        Files.writeString(file, "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AuditCsv.write(file, report(), ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(AuditCsv.render(report(), ZoneOffset.UTC, Locale.ENGLISH));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("a FIFO or device as the file is refused and left as it was; nothing is written")
    void notRegularFile(@TempDir Path dir) throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("audit.csv"));

        assertThatThrownBy(() -> AuditCsv.write(fifo, report(), ZoneOffset.UTC, Locale.ENGLISH))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot write " + fifo)
                .hasMessageContaining("not a regular file");

        assertThat(SpecialFiles.isStillSpecial(fifo)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    @DisplayName("a symbolic link as the file is replaced, not followed: the file it named is untouched")
    void symbolicLink(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "not an audit");
        Path link = Files.createSymbolicLink(dir.resolve("audit.csv"), elsewhere);

        AuditCsv.write(link, report(), ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.readString(link)).startsWith("address,provider,flag");
        assertThat(Files.readString(elsewhere)).isEqualTo("not an audit");
    }

    @Test
    @DisplayName("a symbolic link to a FIFO, a device or an open file (like /dev/stdout) is refused and left as it was")
    void symbolicLinkToSpecialFile(@TempDir Path dir) throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        Path regular = Files.writeString(dir.resolve("regular.txt"), "not an audit");
        Path link = Files.createSymbolicLink(dir.resolve("audit.csv"), fifo);
        Path toDevice = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        // as /dev/stdout reaches the file that standard output was redirected to: through /proc
        Path throughProc = Files.createSymbolicLink(
                dir.resolve("stdout.csv"),
                Path.of("/proc/self/root").resolve(regular.toString().substring(1)));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.csv"), throughProc.getFileName());

        for (Path target : List.of(link, toDevice, throughProc, chain)) {
            assertThatThrownBy(() -> AuditCsv.write(target, report(), ZoneOffset.UTC, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("cannot write " + target)
                    .hasMessageContaining("symbolic link to a standard stream, device, FIFO or socket");
            assertThat(Files.isSymbolicLink(target)).as(target.toString()).isTrue();
        }
        assertThat(SpecialFiles.isStillSpecial(fifo)).isTrue();
        assertThat(Files.readString(regular)).isEqualTo("not an audit");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(fifo, regular, link, toDevice, throughProc, chain);
        }
    }

    @Test
    @DisplayName("a folder the user may not write to is bad input: cannot write FILE: permission denied")
    void readOnlyFolder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(folder), "root may write anywhere");
            Path file = folder.resolve("audit.csv");

            assertThatThrownBy(() -> AuditCsv.write(file, report(), ZoneOffset.UTC, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("cannot write " + file + ": permission denied");
            try (var files = Files.list(folder)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
