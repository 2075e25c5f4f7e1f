package dev.mailvault.core.account;

import java.util.Locale;

/** What a credential is for. */
public enum CredentialKind {
    /** The password the IMAP server wants (for docomo: the IMAP-only password). */
    IMAP,
    /** The SMTP password when it differs from the IMAP one. */
    SMTP,
    /** An app password, labelled (for example "iPhone"). */
    APP,
    /** The web-portal login (My docomo, d account): not the mail password. */
    PORTAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
