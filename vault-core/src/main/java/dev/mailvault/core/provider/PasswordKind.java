package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** Which password a provider's mail servers accept. */
public enum PasswordKind {
    /** The account's own password (the one used on the provider's web site). */
    ACCOUNT("account"),
    /** A password the provider generates for one app, after two-step verification is on. */
    APP_PASSWORD("app-password"),
    /** A password that only works for mail, issued or set apart from the portal login. */
    IMAP_ONLY("imap-only"),
    /** No password works: the provider accepts only OAuth sign-in. */
    OAUTH_ONLY("oauth-only");

    private final String id;

    PasswordKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the mail password must differ from the portal login password. */
    public boolean isSpecial() {
        return this == APP_PASSWORD || this == IMAP_ONLY;
    }

    public static PasswordKind parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (PasswordKind kind : values()) {
            if (kind.id.equals(t)) {
                return kind;
            }
        }
        throw new BadInputException(
                "unknown password kind '" + text + "' (allowed: account, app-password, imap-only, oauth-only)");
    }
}
