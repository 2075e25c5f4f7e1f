package dev.mailvault.core.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Import files that are refused, one for each reason the importer gives, with the English message
 * each has always had, word for word ({@code FILE} stands for the file's path).
 */
final class BrokenImports {
    private BrokenImports() {}

    /** A broken file: {@code content} null means none is written; {@code reason} names the refusal. */
    record Case(String name, ImportFormat format, String fileName, byte[] content, String reason, String english) {
        /** Writes the file (or folder) in {@code dir} and gives the path to import. */
        Path make(Path dir) {
            try {
                Path file = dir.resolve(fileName);
                if (fileName.endsWith("/")) {
                    Files.createDirectories(file);
                } else if (content != null) {
                    Files.write(file, content);
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String english(Path file) {
            return english.replace("FILE", file.toString());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String HEADER =
            "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\"";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Case csv(String name, String content, String reason, String english) {
        return new Case(name, ImportFormat.KEEPASSXC_CSV, "export.csv", utf8(content), reason, english);
    }

    private static Case json(String name, String content, String reason, String english) {
        return new Case(name, ImportFormat.BITWARDEN_JSON, "export.json", utf8(content), reason, english);
    }

    private static Case prefs(String name, String content, String reason, String english) {
        return new Case(name, ImportFormat.THUNDERBIRD, "prefs.js", utf8(content), reason, english);
    }

    private static String row(String user, String url, String notes, String modified) {
        return "\"Mail\",\"Work\",\"" + user + "\",\"pw\",\"" + url + "\",\"" + notes + "\",\"\",\"0\",\"" + modified
                + "\",\"\"\n";
    }

    private static String item(String body) {
        return "{\"encrypted\": false, \"items\": [\n{\"type\": 1, \"name\": \"Work\"" + body + "}\n]}";
    }

    static List<Case> all() {
        String pref = "user_pref(\"mail.accountmanager.accounts\", \"account1\");\n";
        String server = pref + "user_pref(\"mail.account.account1.server\", \"server1\");\n"
                + "user_pref(\"mail.server.server1.type\", \"imap\");\n";
        return List.of(
                new Case(
                        "missing file",
                        ImportFormat.KEEPASSXC_CSV,
                        "missing.csv",
                        null,
                        "NO_FILE",
                        "no file FILE to import"),
                new Case(
                        "a device",
                        ImportFormat.KEEPASSXC_CSV,
                        "/dev/null",
                        null,
                        "NOT_REGULAR_FILE",
                        "/dev/null is not a regular file"),
                new Case(
                        "a folder for a CSV",
                        ImportFormat.KEEPASSXC_CSV,
                        "folder/",
                        null,
                        "FOLDER_NOT_FILE",
                        "FILE is a folder; keepassxc-csv is a file"),
                new Case(
                        "a profile folder without prefs.js",
                        ImportFormat.THUNDERBIRD,
                        "profile/",
                        null,
                        "NO_PREFS_JS",
                        "FILE holds no prefs.js; give the Thunderbird profile folder (Help → Troubleshooting"
                                + " Information → Profile Folder)"),
                new Case(
                        "binary data",
                        ImportFormat.KEEPASSXC_CSV,
                        "export.csv",
                        new byte[] {'"', 'a', '"', '\n', (byte) 0xff},
                        "NOT_UTF8",
                        "FILE: line 2: not UTF-8 text (binary data?); expected a text export"),
                csv(
                        "a control character",
                        HEADER + "\n\u0001",
                        "CONTROL_CHARACTER",
                        "FILE: line 2: control character U+0001 (binary data?); expected a text export"),
                csv(
                        "an empty CSV",
                        "",
                        "CSV_EMPTY",
                        "FILE is empty; expected KeePassXC's CSV export starting with the header row " + HEADER),
                csv(
                        "another CSV",
                        "\"name\",\"url\",\"username\",\"password\"\n",
                        "CSV_NOT_HEADER",
                        "FILE: line 1: not KeePassXC's CSV header (4 columns); expected " + HEADER
                                + " (KeePassXC 2.7) or its first six columns"),
                csv(
                        "a quoted field not closed",
                        HEADER + "\n\"Mail\",\"Work",
                        "CSV_QUOTE_NOT_CLOSED",
                        "FILE: line 2: a quoted field is not closed (is the file cut short?)"),
                csv(
                        "text after a quote",
                        HEADER + "\n\"Mail\"x,\"Work\"\n",
                        "CSV_TEXT_AFTER_QUOTE",
                        "FILE: line 2: text after a closing quote; a quote inside a field must be doubled (\"\")"),
                csv(
                        "a short row",
                        HEADER + "\n\"Mail\",\"Work\"\n",
                        "CSV_FIELD_COUNT",
                        "FILE: line 2: 2 fields, expected 10 as in the header (is the file cut short or edited?)"),
                csv(
                        "a bad date",
                        HEADER + "\n" + row("a@example.org", "", "", "yesterday"),
                        "CSV_BAD_DATE",
                        "FILE: line 2: 'Last Modified' is not a date (expected the form 2024-05-01T10:00:00Z)"),
                csv(
                        "a URL with a bad port",
                        HEADER + "\n" + row("a@example.org", "imaps://mail.example.org:x", "", ""),
                        "URL_PORT",
                        "FILE: line 2: the port in the mail server URL is not a number (expected imaps://HOST:PORT)"),
                csv(
                        "a certificate that is no PEM",
                        HEADER + "\n"
                                + row(
                                        "a@example.org",
                                        "imaps://mail.example.org",
                                        "Mail Vault CA certificate: "
                                                + Base64.getEncoder().encodeToString(utf8("hello")),
                                        ""),
                        "NOTES_LINE",
                        "FILE: line 2: the notes line 'mail vault ca certificate' does not read: holds no PEM"
                                + " certificate (-----BEGIN CERTIFICATE-----)"),
                csv(
                        "a certificate that is no base64",
                        HEADER + "\n"
                                + row(
                                        "a@example.org",
                                        "imaps://mail.example.org",
                                        "Mail Vault CA certificate: ***",
                                        ""),
                        "NOTES_LINE",
                        "FILE: line 2: the notes line 'mail vault ca certificate' does not read: not base64 (Illegal"
                                + " base64 character 2a)"),
                json("an empty JSON", "", "JSON_EMPTY", "FILE is empty; expected Bitwarden's JSON export"),
                json(
                        "text after the JSON",
                        "{}\n{}",
                        "JSON_TRAILING",
                        "FILE: line 2: more text after the end of the JSON document"),
                json(
                        "an encrypted export",
                        "{\"encrypted\": true, \"encKeyValidation_DO_NOT_EDIT\": \"2.x\"}",
                        "ENCRYPTED_BITWARDEN",
                        "FILE is an encrypted Bitwarden export, which only Bitwarden can open. Export again in"
                                + " Bitwarden with the file format \".json\", not \".json (Encrypted)\""),
                json(
                        "a password-protected export",
                        "{\"passwordProtected\": true}",
                        "ENCRYPTED_BITWARDEN",
                        "FILE is an encrypted Bitwarden export, which only Bitwarden can open. Export again in"
                                + " Bitwarden with the file format \".json\", not \".json (Encrypted)\""),
                json(
                        "not an object",
                        "[1]",
                        "NOT_BITWARDEN",
                        "FILE: not a Bitwarden export (the JSON is not an object)"),
                json(
                        "encrypted not a boolean",
                        "{\"encrypted\": \"no\"}",
                        "ENCRYPTED_NOT_BOOLEAN",
                        "FILE: line 1: \"encrypted\" must be true or false"),
                json(
                        "no items",
                        "{\"encrypted\": false}",
                        "NO_ITEMS",
                        "FILE: no \"items\" list; expected Bitwarden's JSON export {\"encrypted\":false,\"items\":[…]}"),
                json("an item that is no object", "{\"items\": [1]}", "ITEM_NOT_OBJECT", "FILE: item 1: not an object"),
                json(
                        "an item type",
                        "{\"items\": [\n{\"type\": \"login\"}]}",
                        "ITEM_TYPE",
                        "FILE: item 1 (line 2): \"type\" must be a whole number (1 login, 2 note, 3 card, 4 identity)"),
                json(
                        "a login that is no object",
                        item(", \"login\": 1"),
                        "LOGIN_NOT_OBJECT",
                        "FILE: item 1 (line 2): \"login\" must be an object"),
                json(
                        "a user name that is no text",
                        item(", \"login\": {\"username\": 1}"),
                        "FIELD_NOT_TEXT",
                        "FILE: item 1 (line 2): login.\"username\" must be text"),
                json(
                        "a password that is no text",
                        item(", \"login\": {\"password\": 1}"),
                        "FIELD_NOT_TEXT",
                        "FILE: item 1 (line 2): login.password must be text"),
                json(
                        "uris no list",
                        item(", \"login\": {\"uris\": 1}"),
                        "FIELD_NOT_LIST",
                        "FILE: item 1 (line 2): login.\"uris\" must be a list"),
                json(
                        "fields not objects",
                        item(", \"fields\": [1]"),
                        "FIELD_NOT_OBJECTS",
                        "FILE: item 1 (line 2): \"fields\" must hold objects"),
                json(
                        "a bad date",
                        item(", \"revisionDate\": \"yesterday\""),
                        "FIELD_NOT_DATE",
                        "FILE: item 1 (line 2): \"revisionDate\" is not a date (expected 2024-05-01T10:00:00.000Z)"),
                json(
                        "not JSON",
                        "{\"items\": [}",
                        "JSON_INVALID",
                        "FILE: line 1, column 12: not valid JSON (Unexpected close marker '}': expected ']' (for"
                                + " Array starting at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
                                + " line: 1, column: 11]));"
                                + " expected Bitwarden's unencrypted JSON export"),
                prefs(
                        "no user_pref",
                        "// nothing\n",
                        "NO_USER_PREF",
                        "FILE holds no user_pref lines; expected the prefs.js of a Thunderbird profile (Help →"
                                + " Troubleshooting Information → Profile Folder)"),
                prefs(
                        "no accounts",
                        "user_pref(\"browser.startup\", 1);\n",
                        "NO_ACCOUNTS",
                        "FILE lists no mail accounts (no mail.accountmanager.accounts and no mail.account.*.server);"
                                + " is it the prefs.js of a Thunderbird profile?"),
                prefs(
                        "a line that is no pref",
                        "user_pref(\"a\", 1);\nhello\n",
                        "PREF_SYNTAX",
                        "FILE: line 2: expected user_pref(\"name\", value); as Thunderbird writes it"),
                prefs(
                        "a quote not closed",
                        "user_pref(\"a, 1);\n",
                        "PREF_QUOTE_NOT_CLOSED",
                        "FILE: line 1: a quoted text is not closed (is the file cut short?)"),
                prefs("no server", pref, "PREF_MISSING", "FILE: account1: mail.account.account1.server is missing"),
                prefs(
                        "no host name",
                        server,
                        "PREF_MISSING",
                        "FILE: account1: mail.server.server1.hostname is missing"),
                prefs(
                        "a socket type",
                        server + "user_pref(\"mail.server.server1.hostname\", \"imap.example.org\");\n"
                                + "user_pref(\"mail.server.server1.socketType\", 7);\n",
                        "PREF_SECURITY",
                        "FILE: account1: mail.server.server1.socketType is 7 (Thunderbird writes 0 to 3)"),
                prefs(
                        "a number that is no text",
                        pref + "user_pref(\"mail.account.account1.server\", 1);\n",
                        "PREF_NOT_TEXT",
                        "FILE: account1: mail.account.account1.server must be a quoted text"),
                prefs(
                        "a port that is no number",
                        server
                                + "user_pref(\"mail.server.server1.hostname\", \"imap.example.org\");\n"
                                + "user_pref(\"mail.server.server1.socketType\", \"x\");\n",
                        "PREF_NOT_NUMBER",
                        "FILE: account1: mail.server.server1.sockettype must be a number"));
    }
}
