package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The file side of importing, which {@link ImportFuzzPropertyTest} does not reach: files and
 * Thunderbird profile folders on disk, CSV rows whose fields hold anything. Each is imported or
 * refused with {@link BadInputException} naming the file, and the file is never changed.
 */
@Label("Import files on disk")
class ImportFilesPropertyTest {
    static final Importer IMPORTER = new Importer(SERVERS);
    static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("import-files");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> field() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of(
                        "\"",
                        "\"\"",
                        ",",
                        "\n",
                        "\r\n",
                        "imaps://mail.example.org",
                        "smtp.example.org:465",
                        "taro@example.jp",
                        "@",
                        "",
                        " ",
                        "=cmd|' /C calc'!A0",
                        "\uFEFF",
                        "パスワード",
                        "\u0000"));
    }

    @Property(tries = 200)
    @Label("a KeePassXC CSV file whose fields hold anything: imported or refused naming the file, never changed")
    void csvRows(
            @ForAll("field") String title,
            @ForAll("field") String user,
            @ForAll("field") String password,
            @ForAll("field") String url,
            @ForAll("field") String notes)
            throws IOException {
        String csv = "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\"\n"
                + String.join(
                        ",", quoted("Mail"), quoted(title), quoted(user), quoted(password), quoted(url), quoted(notes))
                + "\n";
        readOrRefuse(dir.resolve("export.csv"), csv.getBytes(StandardCharsets.UTF_8), ImportFormat.KEEPASSXC_CSV);
    }

    @Property(tries = 100)
    @Label("a Thunderbird profile folder whose prefs.js holds anything: imported or refused, never changed")
    void profileFolder(@ForAll("prefs") String prefs) throws IOException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path prefsJs = profile.resolve("prefs.js");
        byte[] content = prefs.getBytes(StandardCharsets.UTF_8);
        Files.write(prefsJs, content);
        try {
            IMPORTER.read(profile, ImportFormat.THUNDERBIRD).close();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).contains(profile.toString());
        }
        assertThat(Files.readAllBytes(prefsJs)).isEqualTo(content);
    }

    @Provide
    Arbitrary<String> prefs() {
        return Arbitraries.of(
                        "user_pref(\"mail.server.server1.hostname\", \"imap.example.org\");\n",
                        "user_pref(\"mail.server.server1.port\", 993);\n",
                        "user_pref(\"mail.server.server1.userName\", \"taro@example.org\");\n",
                        "user_pref(\"mail.server.server1.type\", \"imap\");\n",
                        "user_pref(\"mail.server.server1.socketType\", 3);\n",
                        "user_pref(\"mail.smtpserver.smtp1.hostname\", \"smtp.example.org\");\n",
                        "user_pref(\"mail.account.account1.server\", \"server1\");\n",
                        "user_pref(\"mail.accountmanager.accounts\", \"account1\");\n",
                        "user_pref(\"",
                        "\\\"",
                        ");\n",
                        "/* ",
                        "999999999999999999999",
                        "\u0000")
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Example
    @Label("a folder given for a file format, a missing file, and a profile without prefs.js are refused by name")
    void notFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertThatThrownBy(() -> IMPORTER.read(folder, ImportFormat.KEEPASSXC_CSV))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(folder.toString());
        assertThatThrownBy(() -> IMPORTER.read(dir.resolve("missing.json"), ImportFormat.BITWARDEN_JSON))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("missing.json");
        assertThatThrownBy(() -> IMPORTER.read(folder, ImportFormat.THUNDERBIRD))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("prefs.js");
    }

    private static void readOrRefuse(Path file, byte[] content, ImportFormat format) throws IOException {
        Files.write(file, content);
        try {
            IMPORTER.read(file, format).close();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).contains(file.toString());
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
