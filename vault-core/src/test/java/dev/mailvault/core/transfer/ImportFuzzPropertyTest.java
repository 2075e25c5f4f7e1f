package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever bytes an importer is given, it imports or refuses them as bad input, and a refusal writes nothing. */
class ImportFuzzPropertyTest {
    static final Importer IMPORTER = new Importer(SERVERS);
    static Path dir;
    static VaultSession vault;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("import-fuzz");
        vault = TransferFixtures.emptyVault(dir);
    }

    @AfterContainer
    static void close() throws IOException {
        vault.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record Input(ImportFormat format, byte[] bytes) {
        @Override
        public String toString() {
            return format + " " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 300)
    @Label("random bytes: imported or refused with BadInputException, and a refusal writes nothing")
    void randomBytes(@ForAll ImportFormat format, @ForAll @Size(max = 600) byte[] bytes) {
        check(new Input(format, bytes));
    }

    @Property(tries = 300)
    @Label("a real export cut short, with bytes changed or inserted: imported or refused, never half-written")
    void mutatedExports(@ForAll("mutated") Input input) {
        check(input);
    }

    private static void check(Input input) {
        String before = TransferFixtures.fileState(vault.file());
        int accountsBefore = vault.accounts().size();
        ImportPlan plan;
        try {
            plan = IMPORTER.read(input.bytes(), input.format(), "fuzz");
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith("fuzz");
            assertThat(TransferFixtures.fileState(vault.file())).isEqualTo(before);
            return;
        }
        try (plan) {
            ImportReport report = plan.apply(vault);
            assertThat(vault.accounts()).hasSize(accountsBefore + report.added().size());
            if (report.added().isEmpty()) {
                assertThat(TransferFixtures.fileState(vault.file())).isEqualTo(before);
            }
        }
    }

    @Provide
    Arbitrary<Input> mutated() {
        Arbitrary<Input> samples = Arbitraries.of(
                new Input(
                        ImportFormat.KEEPASSXC_CSV,
                        KeePassXcImportTest.csv(
                                KeePassXcImportTest.row(
                                        "Mail", "Gmail", "fuzz@gmail.com", "p\"w,1", "https://mail.google.com", "n"),
                                KeePassXcImportTest.row(
                                        "Mail",
                                        "Work",
                                        "w@example.org",
                                        "pw2",
                                        "imaps://mail.example.org",
                                        "SMTP: smtp.example.org"))),
                new Input(ImportFormat.BITWARDEN_JSON, BitwardenImportTest.SAMPLE.getBytes(StandardCharsets.UTF_8)),
                new Input(ImportFormat.THUNDERBIRD, ThunderbirdImportTest.PREFS.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(
                        samples,
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.bytes())
                .as((sample, where, how, value) -> {
                    byte[] b = sample.bytes();
                    int at = (int) (where * b.length);
                    byte[] out = switch (how) {
                        case 0 -> Arrays.copyOf(b, at);
                        case 1 -> {
                            byte[] c = b.clone();
                            c[Math.min(at, c.length - 1)] = value;
                            yield c;
                        }
                        default -> {
                            byte[] c = new byte[b.length + 1];
                            System.arraycopy(b, 0, c, 0, at);
                            c[at] = value;
                            System.arraycopy(b, at, c, at + 1, b.length - at);
                            yield c;
                        }
                    };
                    return new Input(sample.format(), out);
                });
    }
}
