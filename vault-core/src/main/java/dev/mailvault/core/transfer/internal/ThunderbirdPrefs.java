package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportRefusedException.Reason;
import dev.mailvault.core.transfer.KnownServers;
import dev.mailvault.core.transfer.ServerLookup;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.core.transfer.Skipped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The mail accounts of a Thunderbird profile, from its {@code prefs.js}:
 *
 * <pre>
 * user_pref("mail.accountmanager.accounts", "account1,account2");
 * user_pref("mail.account.account1.server", "server1");
 * user_pref("mail.account.account1.identities", "id1");
 * user_pref("mail.server.server1.type", "imap");
 * user_pref("mail.server.server1.hostname", "imap.example.org");
 * user_pref("mail.server.server1.port", 993);
 * user_pref("mail.server.server1.socketType", 3);
 * user_pref("mail.server.server1.userName", "alice");
 * user_pref("mail.identity.id1.useremail", "alice@example.org");
 * user_pref("mail.identity.id1.smtpServer", "smtp1");
 * user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.org");
 * user_pref("mail.smtpserver.smtp1.try_ssl", 3);
 * </pre>
 *
 * {@code socketType} (IMAP) and {@code try_ssl} (SMTP): 3 SSL/TLS, 2 STARTTLS, 0 or 1 (or unset,
 * Thunderbird's default) no TLS, which Mail Vault refuses for that account. Pref names are
 * compared without regard to case: Thunderbird has written both {@code hostname} and {@code
 * hostName}. The passwords are not here: Thunderbird keeps them encrypted in its own store.
 */
public final class ThunderbirdPrefs {
    private final Map<String, Object> prefs;
    private final String name;
    private final ServerLookup servers;

    private ThunderbirdPrefs(Map<String, Object> prefs, String name, ServerLookup servers) {
        this.prefs = prefs;
        this.name = name;
        this.servers = servers;
    }

    /** The profile's IMAP accounts, without passwords, and what was left out. */
    public static Parsed read(char[] text, String name, ServerLookup servers) {
        return new ThunderbirdPrefs(parse(text, name), name, servers).accounts();
    }

    // ---- prefs.js syntax

    /** Every {@code user_pref("name", value);} line; comments and blank lines are allowed, nothing else. */
    static Map<String, Object> parse(char[] text, String name) {
        Map<String, Object> out = new HashMap<>();
        int line = 1;
        boolean inComment = false;
        int i = 0;
        boolean sawPref = false;
        while (i <= text.length) {
            int end = i;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            String l = new String(text, i, end - i).strip();
            if (inComment) {
                int close = l.indexOf("*/");
                if (close >= 0) {
                    inComment = false;
                    l = l.substring(close + 2).strip();
                } else {
                    l = "";
                }
            }
            if (l.startsWith("/*")) {
                int close = l.indexOf("*/", 2);
                if (close < 0) {
                    inComment = true;
                    l = "";
                } else {
                    l = l.substring(close + 2).strip();
                }
            }
            if (!l.isEmpty() && !l.startsWith("//") && !l.startsWith("#")) {
                Line parsed = new Line(l, name, line);
                parsed.pref(out);
                sawPref = true;
            }
            i = end + 1;
            line++;
        }
        if (!sawPref) {
            throw ImportRefusedException.of(Reason.NO_USER_PREF, name);
        }
        return out;
    }

    /** One line: {@code user_pref("name", value);} with a string, integer or boolean value. */
    private static final class Line {
        private final String s;
        private final String name;
        private final int line;
        private int pos;

        Line(String s, String name, int line) {
            this.s = s;
            this.name = name;
            this.line = line;
        }

        void pref(Map<String, Object> out) {
            if (s.startsWith("user_pref")) {
                pos = "user_pref".length();
            } else if (s.startsWith("pref")) {
                pos = "pref".length();
            } else {
                throw bad();
            }
            expect('(');
            String key = string();
            expect(',');
            Object value = value();
            expect(')');
            expect(';');
            skipSpace();
            if (pos < s.length() && !s.startsWith("//", pos)) {
                throw bad();
            }
            out.put(key.toLowerCase(Locale.ROOT), value);
        }

        private Object value() {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '"') {
                return string();
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                pos++;
            }
            String word = s.substring(start, pos);
            if (word.equals("true") || word.equals("false")) {
                return Boolean.valueOf(word);
            }
            if (word.matches("-?\\d{1,10}")) {
                long n = Long.parseLong(word);
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                    return (int) n;
                }
            }
            throw bad();
        }

        private String string() {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw bad();
            }
            pos++;
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length() || !s.substring(pos, pos + 4).matches("[0-9A-Fa-f]{4}")) {
                            throw bad();
                        }
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    case 'x' -> {
                        if (pos + 2 > s.length() || !s.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
                            throw bad();
                        }
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16));
                        pos += 2;
                    }
                    default -> b.append(e);
                }
            }
            throw refused(Reason.PREF_QUOTE_NOT_CLOSED);
        }

        private void expect(char c) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw bad();
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private ImportRefusedException bad() {
            return refused(Reason.PREF_SYNTAX);
        }

        private ImportRefusedException refused(Reason reason) {
            return ImportRefusedException.at(
                    name, ImportRefusedException.at(EntrySource.line(line), ImportRefusedException.of(reason)));
        }
    }

    // ---- accounts

    private Parsed accounts() {
        Parsed parsed = new Parsed();
        List<String> keys = list("mail.accountmanager.accounts");
        if (keys.isEmpty()) {
            TreeSet<String> found = new TreeSet<>();
            for (String k : prefs.keySet()) {
                if (k.startsWith("mail.account.") && k.endsWith(".server")) {
                    found.add(k.substring("mail.account.".length(), k.length() - ".server".length()));
                }
            }
            keys = List.copyOf(found);
        }
        if (keys.isEmpty()) {
            throw ImportRefusedException.of(Reason.NO_ACCOUNTS, name);
        }
        for (String account : keys) {
            try {
                account(account, parsed);
            } catch (BadInputException e) {
                parsed.close();
                throw ImportRefusedException.at(name, ImportRefusedException.at(account, e));
            }
        }
        return parsed;
    }

    private void account(String account, Parsed parsed) {
        String server = text("mail.account." + account + ".server")
                .orElseThrow(
                        () -> ImportRefusedException.of(Reason.PREF_MISSING, "mail.account." + account + ".server"));
        String s = "mail.server." + server + ".";
        String type = text(s + "type").orElse("");
        List<String> identities = list("mail.account." + account + ".identities");
        Optional<String> identity = identities.isEmpty() ? Optional.empty() : Optional.of(identities.get(0));
        Optional<String> email = identityText(identity, "useremail");
        String label = email.or(() -> text(s + "name")).orElse(account);
        if (!type.equalsIgnoreCase("imap")) {
            parsed.skip(new Skipped(
                    account,
                    label,
                    SkipReason.UNSUPPORTED_ACCOUNT_TYPE,
                    switch (type.toLowerCase(Locale.ROOT)) {
                        case "none" -> "Local Folders";
                        case "pop3" -> "POP3";
                        case "rss" -> "RSS";
                        case "nntp" -> "News";
                        case "" -> "unknown";
                        default -> type;
                    }));
            return;
        }
        String host = text(s + "realhostname")
                .or(() -> text(s + "hostname"))
                .orElseThrow(() -> ImportRefusedException.of(Reason.PREF_MISSING, s + "hostname"));
        int socketType = number(s + "sockettype").orElse(0);
        int imapPort = number(s + "port").orElse(socketType == 3 ? 993 : 143);
        Optional<Security> imapSecurity = security(socketType, s + "socketType");
        if (imapSecurity.isEmpty()) {
            parsed.skip(new Skipped(account, label, SkipReason.PLAIN_TEXT_SERVER, "IMAP " + host + ":" + imapPort));
            return;
        }
        Optional<String> login = text(s + "realusername").or(() -> text(s + "username"));
        Optional<Address> address = email.or(() -> login).flatMap(ThunderbirdPrefs::address);
        if (address.isEmpty()) {
            parsed.skip(new Skipped(account, label, SkipReason.NO_ADDRESS, ""));
            return;
        }
        Optional<KnownServers> known = servers.find(address.get());
        Endpoint imap = new Endpoint(host, imapPort, imapSecurity.get());

        Optional<String> smtpKey = identityText(identity, "smtpServer").or(() -> text("mail.smtp.defaultserver"));
        Endpoint smtp;
        Optional<String> smtpLogin;
        if (smtpKey.isPresent()
                && text("mail.smtpserver." + smtpKey.get() + ".hostname").isPresent()) {
            String t = "mail.smtpserver." + smtpKey.get() + ".";
            String smtpHost = text(t + "hostname").orElseThrow();
            int trySsl = number(t + "try_ssl").orElse(0);
            int port = number(t + "port").filter(p -> p != 0).orElse(trySsl == 3 ? 465 : 587);
            Optional<Security> security = security(trySsl, t + "try_ssl");
            if (security.isEmpty()) {
                parsed.skip(new Skipped(account, label, SkipReason.PLAIN_TEXT_SERVER, "SMTP " + smtpHost + ":" + port));
                return;
            }
            smtp = new Endpoint(smtpHost, port, security.get());
            smtpLogin = text(t + "username");
        } else if (known.isPresent()) {
            smtp = known.get().smtp();
            smtpLogin = known.get().smtpLogin();
        } else {
            parsed.skip(new Skipped(account, label, SkipReason.NO_SERVERS, "SMTP"));
            return;
        }
        String imapLogin = login.orElse(null);
        boolean samePassword = smtpLogin.isEmpty() || smtpLogin.get().equals(imapLogin == null ? "" : imapLogin);
        AccountSpec spec = new AccountSpec(
                address.get(),
                identityText(identity, "fullName").orElse(""),
                known.map(KnownServers::providerId).orElse(null),
                imap,
                smtp,
                imapLogin,
                smtpLogin.orElse(null),
                samePassword,
                null,
                null,
                null);
        Candidate c = new Candidate(account, label, spec);
        c.add(CredentialRef.IMAP, null, Optional.empty(), account);
        if (!samePassword) {
            c.add(CredentialRef.SMTP, null, Optional.empty(), account);
        }
        parsed.add(c);
    }

    /** 3 SSL/TLS, 2 STARTTLS; 0 and 1 (STARTTLS "if available") send the password in clear. */
    private static Optional<Security> security(int value, String pref) {
        return switch (value) {
            case 3 -> Optional.of(Security.TLS);
            case 2 -> Optional.of(Security.STARTTLS);
            case 0, 1 -> Optional.empty();
            default -> throw ImportRefusedException.of(Reason.PREF_SECURITY, pref, String.valueOf(value));
        };
    }

    private static Optional<Address> address(String text) {
        if (text.indexOf('@') <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.of(text));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key) {
        Object v = prefs.get(key.toLowerCase(Locale.ROOT));
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw ImportRefusedException.of(Reason.PREF_NOT_TEXT, key);
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private Optional<String> identityText(Optional<String> identity, String field) {
        return identity.flatMap(id -> text("mail.identity." + id + "." + field));
    }

    private Optional<Integer> number(String key) {
        Object v = prefs.get(key.toLowerCase(Locale.ROOT));
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer n) {
            return Optional.of(n);
        }
        // Thunderbird writes numbers bare, but a port typed as "993" is not worth refusing.
        if (v instanceof String s && s.strip().matches("\\d{1,5}")) {
            return Optional.of(Integer.parseInt(s.strip()));
        }
        throw ImportRefusedException.of(Reason.PREF_NOT_NUMBER, key);
    }

    private List<String> list(String key) {
        return text(key)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
