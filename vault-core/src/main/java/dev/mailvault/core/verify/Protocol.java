package dev.mailvault.core.verify;

import java.util.Locale;

/** The protocol a check logged in with. */
public enum Protocol {
    IMAP,
    SMTP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
