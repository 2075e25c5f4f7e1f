package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportRefusedException.Reason;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.TrustAnchors;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Key: value} lines of an entry's notes that say something about mail servers. People
 * write {@code IMAP: imap.example.org:993} or {@code SMTP server: smtp.example.org} in their notes;
 * Mail Vault's own export adds {@code Mail Vault …} lines so that it reads back exactly. Server
 * lines that do not read as a server stay in the notes; a {@code Mail Vault} line that does not
 * read is an error, since only Mail Vault writes them.
 */
public final class NoteFields {
    static final String ADDRESS = "Mail Vault address";
    static final String CREDENTIAL = "Mail Vault credential";
    static final String PROVIDER = "Mail Vault provider";
    static final String POLICY = "Mail Vault policy";
    static final String CA_CERT = "Mail Vault CA certificate";
    static final String SMTP = "SMTP";
    static final String SMTP_LOGIN = "SMTP login";

    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z][A-Za-z ]{0,30}?)\\s*:\\s*(.*?)\\s*");

    private final String userNotes;
    private Endpoint imap;
    private Endpoint smtp;
    private String smtpLogin;
    private Address address;
    private CredentialRef credential;
    private String provider;
    private RotationPolicy policy;
    private String caCertPem;

    private NoteFields(String userNotes) {
        this.userNotes = userNotes;
    }

    /** Reads {@code notes}; {@code extraLines} (a Bitwarden item's custom fields) count as note lines. */
    public static NoteFields parse(String notes, List<String> extraLines) {
        List<String> kept = new ArrayList<>();
        NoteFields f = new NoteFields("");
        for (String line : extraLines) {
            f.take(line);
        }
        for (String line : (notes == null ? "" : notes).split("\r?\n", -1)) {
            if (!f.take(line)) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        NoteFields out = new NoteFields(String.join("\n", kept));
        out.imap = f.imap;
        out.smtp = f.smtp;
        out.smtpLogin = f.smtpLogin;
        out.address = f.address;
        out.credential = f.credential;
        out.provider = f.provider;
        out.policy = f.policy;
        out.caCertPem = f.caCertPem;
        return out;
    }

    /** Takes a line it understands and says so; other lines belong to the person's notes. */
    private boolean take(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2);
        switch (key) {
            case "imap", "imap server" -> {
                Optional<Endpoint> e = MailUrls.noteServer(value, Protocol.IMAP);
                e.ifPresent(v -> imap = v);
                return e.isPresent();
            }
            case "smtp", "smtp server" -> {
                Optional<Endpoint> e = MailUrls.noteServer(value, Protocol.SMTP);
                e.ifPresent(v -> smtp = v);
                return e.isPresent();
            }
            case "smtp login" -> {
                if (value.isEmpty()) {
                    return false;
                }
                smtpLogin = value;
                return true;
            }
            case "mail vault address" -> {
                address = mine(key, () -> Address.of(value));
                return true;
            }
            case "mail vault credential" -> {
                credential = mine(key, () -> CredentialRef.parse(value));
                return true;
            }
            case "mail vault provider" -> {
                provider = value;
                return true;
            }
            case "mail vault policy" -> {
                policy = mine(key, () -> RotationPolicy.parse(value));
                return true;
            }
            case "mail vault ca certificate" -> {
                caCertPem = mine(key, () -> caCertificate(value));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static <T> T mine(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw ImportRefusedException.of(Reason.NOTES_LINE, e, key);
        }
    }

    /**
     * The PEM text of a {@code Mail Vault CA certificate} line: the text's UTF-8 bytes in base64 on
     * one line, so that a PEM of several lines survives a CSV cell and reads back exactly. What
     * decodes must hold at least one X.509 certificate that parses, as {@code --ca-cert} expects.
     */
    private static String caCertificate(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ImportRefusedException.caused(e, Reason.NOT_BASE64, String.valueOf(e.getMessage()));
        }
        String pem;
        try {
            pem = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ImportRefusedException.caused(e, Reason.NOT_TEXT);
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw ImportRefusedException.of(Reason.NO_PEM);
        }
        TrustAnchors.withCa(pem);
        return pem;
    }

    /** The notes without the lines read here, trailing blank lines dropped. */
    public String userNotes() {
        return userNotes;
    }

    public Optional<Endpoint> imap() {
        return Optional.ofNullable(imap);
    }

    public Optional<Endpoint> smtp() {
        return Optional.ofNullable(smtp);
    }

    public Optional<String> smtpLogin() {
        return Optional.ofNullable(smtpLogin);
    }

    /** Set on rows of a Mail Vault export. */
    public Optional<Address> mailVaultAddress() {
        return Optional.ofNullable(address);
    }

    public Optional<CredentialRef> mailVaultCredential() {
        return Optional.ofNullable(credential);
    }

    public Optional<String> mailVaultProvider() {
        return Optional.ofNullable(provider).filter(p -> !p.isBlank());
    }

    public Optional<RotationPolicy> mailVaultPolicy() {
        return Optional.ofNullable(policy);
    }

    /** The account's own CA certificate (PEM), exactly as exported. */
    public Optional<String> mailVaultCaCertificate() {
        return Optional.ofNullable(caCertPem);
    }

    /**
     * The lines the exporter appends to an account's notes; a {@code caCertPem} that is empty adds
     * no line.
     */
    public static List<String> exportLines(
            Address address,
            Optional<Endpoint> smtp,
            Optional<String> smtpLogin,
            String provider,
            String policy,
            String caCertPem) {
        List<String> lines = new ArrayList<>();
        lines.add(ADDRESS + ": " + address.value());
        smtp.ifPresent(e -> lines.add(SMTP + ": " + MailUrls.url(Protocol.SMTP, e)));
        smtpLogin.ifPresent(l -> lines.add(SMTP_LOGIN + ": " + l));
        lines.add(PROVIDER + ": " + provider);
        lines.add(POLICY + ": " + policy);
        if (!caCertPem.isEmpty()) {
            lines.add(CA_CERT + ": " + Base64.getEncoder().encodeToString(caCertPem.getBytes(StandardCharsets.UTF_8)));
        }
        return lines;
    }

    /** The lines of a credential row other than the account's main one. */
    public static List<String> credentialLines(Address address, CredentialRef ref) {
        return List.of(ADDRESS + ": " + address.value(), CREDENTIAL + ": " + ref);
    }
}
