package dev.mailvault.core.transfer;

import java.util.Locale;
import java.util.Objects;

/**
 * An entry of an import file that was not added. {@code source} says where it is ("line 7", "item
 * 3", "account2"), {@code entry} what it is called there, {@code detail} fills the reason's text.
 */
public record Skipped(String source, String entry, SkipReason reason, String detail) {
    public Skipped {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        entry = entry == null ? "" : entry;
        detail = detail == null ? "" : detail;
    }

    public String message(Locale locale) {
        return reason.message(locale, detail);
    }
}
