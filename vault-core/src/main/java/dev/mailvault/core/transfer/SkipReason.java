package dev.mailvault.core.transfer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Why an entry of an import file was not added. The texts are in {@code TransferTexts}. */
public enum SkipReason {
    /** Neither a mail server URL nor a mail provider's address: {@code detail} names the site, if any. */
    NOT_MAIL,
    /** A mail entry with no e-mail address in it. */
    NO_ADDRESS,
    /** No IMAP or SMTP server in the file and none known for the domain; {@code detail} says which. */
    NO_SERVERS,
    /** The address is in the vault already. */
    ALREADY_IN_VAULT,
    /** The same address came earlier in the file; {@code detail} says where. */
    DUPLICATE_IN_FILE,
    /** The file (or the person asked) gave no password. */
    NO_PASSWORD,
    /** Thunderbird talks to this server without TLS; {@code detail} names the server. */
    PLAIN_TEXT_SERVER,
    /** Not an IMAP account (POP3, Local Folders, feeds, news); {@code detail} is the type. */
    UNSUPPORTED_ACCOUNT_TYPE,
    /** A Bitwarden item that is not a login (a note, card, identity or key). */
    NOT_A_LOGIN,
    /** A credential row of a Mail Vault export whose account row is missing or was skipped. */
    ACCOUNT_NOT_IMPORTED;

    private static final String BUNDLE = "dev.mailvault.core.transfer.TransferTexts";

    /** The reason in Japanese or English; {@code detail} may be empty. */
    public String message(Locale requested, String detail) {
        boolean japanese = requested != null && "ja".equals(requested.getLanguage());
        Locale locale = japanese ? Locale.JAPANESE : Locale.ROOT;
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = "skip." + name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (detail == null || detail.isEmpty() ? "" : ".detail");
        // the earlier entry's place, in the same language as the rest
        String shown = this == DUPLICATE_IN_FILE && detail != null ? EntrySource.label(detail, locale) : detail;
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {shown});
    }
}
