package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault providers and vault providers import")
class ProvidersCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Thunderbird autoconfig (ISPDB) file, plain-text servers first as in many real files. */
    static final String AUTOCONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="example-isp.jp">
                <domain>example-isp.jp</domain>
                <displayName>Example ISP メール</displayName>
                <displayShortName>Example ISP</displayShortName>
                <incomingServer type="imap">
                  <hostname>imap.example-isp.jp</hostname>
                  <port>143</port>
                  <socketType>plain</socketType>
                  <username>%EMAILADDRESS%</username>
                  <authentication>password-cleartext</authentication>
                </incomingServer>
                <incomingServer type="imap">
                  <hostname>imap.example-isp.jp</hostname>
                  <port>993</port>
                  <socketType>SSL</socketType>
                  <username>%EMAILLOCALPART%</username>
                  <authentication>password-cleartext</authentication>
                </incomingServer>
                <outgoingServer type="smtp">
                  <hostname>smtp.example-isp.jp</hostname>
                  <port>587</port>
                  <socketType>STARTTLS</socketType>
                  <username>%EMAILADDRESS%</username>
                  <authentication>password-cleartext</authentication>
                </outgoingServer>
              </emailProvider>
            </clientConfig>
            """;

    @TempDir
    Path dir;

    Cli cli;
    Path overrides;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        overrides = dir.resolve("config/mailvault/providers.json");
    }

    @Test
    @DisplayName("lists the catalog as a table without a vault or a password")
    void table() {
        Result r = cli.run("", "providers");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ID", "IMAP", "SMTP", "PASSWORD", "CONFIRMED", "DOMAINS");
        String gmail =
                r.out().lines().filter(l -> l.startsWith("gmail ")).findFirst().orElseThrow();
        assertThat(gmail)
                .contains("Gmail", "imap.gmail.com:993:tls", "smtp.gmail.com:465:tls", "app password", "yes")
                .contains("gmail.com, googlemail.com");
        String docomo =
                r.out().lines().filter(l -> l.startsWith("docomo ")).findFirst().orElseThrow();
        assertThat(docomo).contains("mail-only password", "no");
        // unconfirmed entries say so, with their source
        assertThat(r.out()).contains("Note: the server settings for docomo mail are not confirmed");
    }

    @Test
    @DisplayName("in Japanese, with the names Japanese users know")
    void japanese() {
        Result r = cli.run("", "--lang", "ja", "providers");
        assertThat(r.out()).contains("名前", "確認済み", "アプリパスワード", "いいえ");
    }

    @Test
    @DisplayName("--json prints the catalog in the form of providers.json")
    void json() throws Exception {
        Result r = cli.run("", "providers", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("format").asInt()).isEqualTo(1);
        assertThat(doc.get("providers").findValuesAsText("id")).contains("docomo", "gmail", "icloud", "generic");
    }

    @Test
    @DisplayName("import adds an autoconfig entry, unconfirmed, that the catalog then lists")
    void importSample() throws Exception {
        Path xml = dir.resolve("example-isp.jp.xml");
        Files.writeString(xml, AUTOCONFIG, StandardCharsets.UTF_8);
        Result r = cli.run("", "providers", "import", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Added the provider example-isp.jp", "imap.example-isp.jp:993:tls", overrides.toString());
        assertThat(r.err()).contains("not confirmed");
        assertThat(overrides).exists();
        Result listed = cli.run("", "providers");
        String line = listed.out()
                .lines()
                .filter(l -> l.startsWith("example-isp.jp "))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains("smtp.example-isp.jp:587:starttls", "no");
        assertThat(listed.out()).contains("Your own entries are in " + overrides);
        // importing the same file again replaces the entry
        assertThat(cli.run("", "providers", "import", xml.toString()).out()).contains("Replaced the provider");
    }

    private Path autoconfig(String id, String domain) throws Exception {
        Path xml = dir.resolve(id + ".xml");
        Files.writeString(
                xml,
                AUTOCONFIG
                        .replace("<emailProvider id=\"example-isp.jp\">", "<emailProvider id=\"" + id + "\">")
                        .replace("<domain>example-isp.jp</domain>", "<domain>" + domain + "</domain>"),
                StandardCharsets.UTF_8);
        return xml;
    }

    @Test
    @DisplayName("import warns on every import, in English and Japanese, when the entry takes a built-in's domain")
    void importTakesOverBuiltInDomain() throws Exception {
        Path xml = autoconfig("sub.docomo", "docomo.ne.jp");

        Result r = cli.run("", "providers", "import", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines())
                .contains("vault: warning: this file takes docomo.ne.jp over from the built-in provider docomo"
                        + " (docomo mail): from now on, new accounts at docomo.ne.jp get this file's servers"
                        + " (IMAP imap.example-isp.jp, SMTP smtp.example-isp.jp) instead of the built-in ones, and"
                        + " their passwords go there. Import only a file from your provider; to undo, remove the"
                        + " entry sub.docomo from " + overrides + ".")
                .noneMatch(l -> l.contains("was served by"));
        assertThat(r.err()).contains("are not confirmed");

        // the same file again: its own earlier entry already has the domain, but it is still docomo's
        Result ja = cli.run("", "--lang", "ja", "providers", "import", xml.toString());
        assertThat(ja.code()).as(ja.err()).isZero();
        assertThat(ja.err().lines())
                .contains("vault: 注意：このファイルは組み込みのプロバイダー docomo（ドコモメール）のドメイン docomo.ne.jp を"
                        + "引き継ぎます。これからは docomo.ne.jp の新しいアカウントに、組み込みの設定ではなくこのファイルのサーバー"
                        + "（IMAP imap.example-isp.jp、SMTP smtp.example-isp.jp）が使われ、パスワードもそこへ送られます。"
                        + "プロバイダー自身のファイルだけを取り込んでください。元に戻すには " + overrides
                        + " から項目 sub.docomo を削除します。");

        Result listed = cli.run("", "providers");
        assertThat(listed.out()
                        .lines()
                        .filter(l -> l.startsWith("sub.docomo "))
                        .findFirst()
                        .orElseThrow())
                .contains("imap.example-isp.jp:993:tls", " no ", "docomo.ne.jp");
    }

    @Test
    @DisplayName("import warns, in English and Japanese, when the entry replaces a built-in by its id")
    void importReplacesBuiltIn() throws Exception {
        Result r = cli.run(
                "",
                "providers",
                "import",
                autoconfig("docomo", "example-isp.jp").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines())
                .contains("vault: warning: this file replaces the built-in provider docomo (docomo mail;"
                        + " docomo.ne.jp): from now on, new accounts that use docomo get this file's servers"
                        + " (IMAP imap.example-isp.jp, SMTP smtp.example-isp.jp) instead of the built-in ones, and"
                        + " their passwords go there. Import only a file from your provider; to undo, remove the"
                        + " entry docomo from " + overrides + ".");

        Result ja = cli.run(
                "",
                "--lang",
                "ja",
                "providers",
                "import",
                autoconfig("generic", "example-isp.jp").toString());
        assertThat(ja.code()).as(ja.err()).isZero();
        assertThat(ja.err().lines())
                .contains("vault: 注意：このファイルは、ほかの項目にないすべてのドメインに使われる組み込みの項目 generic（その他のメール）を"
                        + "置き換えます。これからはそうしたドメインの新しいアカウントにこのファイルのサーバー"
                        + "（IMAP imap.example-isp.jp、SMTP smtp.example-isp.jp）が使われ、パスワードもそこへ送られます。"
                        + "プロバイダー自身のファイルだけを取り込んでください。元に戻すには " + overrides
                        + " から項目 generic を削除します。");
        Result en =
                cli.run("", "providers", "import", dir.resolve("generic.xml").toString());
        assertThat(en.err().lines())
                .contains(
                        "vault: warning: this file replaces the built-in entry generic (Other mail provider), used for"
                                + " every domain no other entry serves: from now on, new accounts at such a domain get this"
                                + " file's servers (IMAP imap.example-isp.jp, SMTP smtp.example-isp.jp), and their passwords"
                                + " go there. Import only a file from your provider; to undo, remove the entry generic from "
                                + overrides + ".");
        Result ja2 = cli.run(
                "",
                "--lang",
                "ja",
                "providers",
                "import",
                dir.resolve("docomo.xml").toString());
        assertThat(ja2.err().lines())
                .contains("vault: 注意：このファイルは組み込みのプロバイダー docomo（ドコモメール、docomo.ne.jp）を置き換えます。"
                        + "これからは docomo を使う新しいアカウントに、組み込みの設定ではなくこのファイルのサーバー"
                        + "（IMAP imap.example-isp.jp、SMTP smtp.example-isp.jp）が使われ、パスワードもそこへ送られます。"
                        + "プロバイダー自身のファイルだけを取り込んでください。元に戻すには " + overrides
                        + " から項目 docomo を削除します。");
    }

    @Test
    @DisplayName("import warns as before when the entry takes a domain over from the user's own entry")
    void importTakesOverOwnDomain() throws Exception {
        Path isp = dir.resolve("example-isp.jp.xml");
        Files.writeString(isp, AUTOCONFIG, StandardCharsets.UTF_8);
        assertThat(cli.run("", "providers", "import", isp.toString()).err()).doesNotContain("warning:");

        Result r = cli.run(
                "",
                "providers",
                "import",
                autoconfig("other-isp.jp", "example-isp.jp").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines())
                .hasSize(2)
                .contains("vault: warning: example-isp.jp was served by example-isp.jp (Example ISP メール); from now"
                        + " on, new accounts at example-isp.jp get this file's servers (IMAP imap.example-isp.jp), and"
                        + " their passwords go there. Import only a file from your provider; to undo, remove the entry"
                        + " from " + overrides + ".");
    }

    @Test
    @DisplayName("import of a malformed file is exit 2 with where it broke, and writes nothing")
    void importMalformed() throws Exception {
        Path xml = dir.resolve("broken.xml");
        Files.writeString(xml, AUTOCONFIG.substring(0, AUTOCONFIG.indexOf("<outgoingServer")), StandardCharsets.UTF_8);
        Result r = cli.run("", "providers", "import", xml.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .startsWith("vault: cannot import " + xml)
                .contains("line")
                .contains("nothing was written");
        assertThat(overrides).doesNotExist();
    }

    @Test
    @DisplayName("import with --lang ja says in Japanese why a file is refused, and writes nothing")
    void importRefusedJapanese() throws Exception {
        Path missing = dir.resolve("nope.xml");
        Result r = cli.run("", "--lang", "ja", "providers", "import", missing.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("取り込めません（何も書き込んでいません）：ファイル " + missing + " がありません。");

        Path html = dir.resolve("page.xml");
        Files.writeString(html, "<html><body/></html>", StandardCharsets.UTF_8);
        r = cli.run("", "--lang", "ja", "providers", "import", html.toString());
        assertThat(r.err()).contains(html + " のルート要素は <html> です。Thunderbird の自動設定ファイルは <clientConfig> で始まります");

        Path pop = dir.resolve("pop.xml");
        Files.writeString(pop, AUTOCONFIG.replace("type=\"imap\"", "type=\"pop3\""), StandardCharsets.UTF_8);
        r = cli.run("", "--lang", "ja", "providers", "import", pop.toString());
        assertThat(r.err())
                .contains(pop + "：<incomingServer type=\"imap\"> がありません（Mail Vault は IMAP と SMTP のログインを確認します）");

        Path plain = dir.resolve("plain.xml");
        Files.writeString(plain, AUTOCONFIG.replace("SSL", "plain"), StandardCharsets.UTF_8);
        r = cli.run("", "--lang", "ja", "providers", "import", plain.toString());
        assertThat(r.err())
                .contains(plain + "：<incomingServer type=\"imap\">（imap.example-isp.jp:143）は暗号化しない接続")
                .doesNotContain("never sends");

        Path placeholder = dir.resolve("placeholder.xml");
        Files.writeString(
                placeholder,
                AUTOCONFIG.replace("smtp.example-isp.jp", "smtp.%EMAILLOCALPART%.jp"),
                StandardCharsets.UTF_8);
        r = cli.run("", "--lang", "ja", "providers", "import", placeholder.toString());
        assertThat(r.err()).contains("のホスト「smtp.%EMAILLOCALPART%.jp」には Mail Vault が埋められないプレースホルダーがあります");

        Path two = dir.resolve("two.xml");
        String entry =
                AUTOCONFIG.substring(AUTOCONFIG.indexOf("<emailProvider"), AUTOCONFIG.indexOf("</clientConfig>"));
        Files.writeString(
                two, AUTOCONFIG.replace("</clientConfig>", entry + "</clientConfig>"), StandardCharsets.UTF_8);
        r = cli.run("", "--lang", "ja", "providers", "import", two.toString());
        assertThat(r.err()).contains(two + "：<clientConfig> の中に <emailProvider> が 2 個あります。");
        assertThat(overrides).doesNotExist();

        // English as before
        r = cli.run("", "providers", "import", missing.toString());
        assertThat(r.err()).isEqualTo("vault: cannot import " + missing + ": no such file; nothing was written.\n");
    }

    @Test
    @DisplayName("import of a malformed file leaves an earlier overrides file as it was")
    void importKeepsEarlier() throws Exception {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, AUTOCONFIG, StandardCharsets.UTF_8);
        assertThat(cli.run("", "providers", "import", good.toString()).code()).isZero();
        byte[] before = Files.readAllBytes(overrides);
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<clientConfig><emailProvider id=\"x\"></clientConfig>", StandardCharsets.UTF_8);
        assertThat(cli.run("", "providers", "import", bad.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(overrides)).isEqualTo(before);
    }

    @Test
    @DisplayName("import of an endless input (a pipe, /dev/zero) is exit 2 as too large, read only just past 1 MiB")
    void importEndless() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("endless.xml"));
        Result r;
        try (AutoCloseable writer = SpecialFiles.feed(fifo, 64L * 1024 * 1024)) {
            r = cli.run("", "providers", "import", fifo.toString());
        }
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .startsWith("vault: cannot import " + fifo)
                .contains("larger than 1 MiB")
                .contains("nothing was written");
        assertThat(overrides).doesNotExist();
    }

    @Test
    @DisplayName(
            "import into a provider folder the user may not write to is exit 2: cannot write FILE: permission denied")
    void importUnwritable() throws Exception {
        Path xml = dir.resolve("isp.xml");
        Files.writeString(xml, AUTOCONFIG, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(overrides.getParent());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(folder), "root may write anywhere");

            Result r = cli.run("", "providers", "import", xml.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("vault: cannot write " + overrides + ": permission denied\n");
            assertThat(overrides).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
