package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** Names one credential of an account: {@code imap}, {@code smtp}, {@code app:LABEL}, {@code portal}. */
public record CredentialRef(CredentialKind kind, String label) {
    public static final CredentialRef IMAP = new CredentialRef(CredentialKind.IMAP, "");
    public static final CredentialRef SMTP = new CredentialRef(CredentialKind.SMTP, "");
    public static final CredentialRef PORTAL = new CredentialRef(CredentialKind.PORTAL, "");

    public CredentialRef {
        label = label == null ? "" : label.strip();
        if (kind == CredentialKind.APP && label.isEmpty()) {
            throw new BadInputException("an app password needs a label (app:LABEL, e.g. app:iPhone)");
        }
        if (kind != CredentialKind.APP && !label.isEmpty()) {
            throw new BadInputException("only app passwords have a label");
        }
        if (label.length() > 64) {
            throw new BadInputException("an app password label has at most 64 characters");
        }
    }

    /**
     * A new app password's name, as the user gives it: printable characters only, since the label
     * is printed in tables, reminders and calendar files. (Labels stored before this rule are read
     * through the constructor and stay readable.)
     */
    public static CredentialRef app(String label) {
        if (label != null && label.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("an app password label has printable characters only");
        }
        return new CredentialRef(CredentialKind.APP, label);
    }

    public static CredentialRef parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("app:")) {
            return app(t.substring(4));
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "imap" -> IMAP;
            case "smtp" -> SMTP;
            case "portal" -> PORTAL;
            default ->
                throw new BadInputException(
                        "unknown credential kind '" + text + "' (allowed: imap, smtp, app:LABEL, portal)");
        };
    }

    @Override
    public String toString() {
        return kind == CredentialKind.APP ? "app:" + label : kind.id();
    }

    // equals and hashCode written out, the same as a record's: the record's own are bootstrapped
    // through java.lang.runtime.ObjectMethods on first use, ~10 ms of method-handle spinning in
    // every command that unlocks (this is the first record compared there)

    @Override
    public boolean equals(Object o) {
        return o instanceof CredentialRef other && kind == other.kind && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + label.hashCode();
    }
}
