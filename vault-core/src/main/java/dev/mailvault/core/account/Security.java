package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** How a mail endpoint is encrypted: implicit TLS, or STARTTLS that is required. Never plain. */
public enum Security {
    TLS,
    STARTTLS;

    public static Security parse(String text) {
        // null like every other parser of user input: refused as bad input, not a NullPointerException
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "tls", "ssl" -> TLS;
            case "starttls" -> STARTTLS;
            default ->
                throw new BadInputException(
                        "unknown security '" + text + "' (allowed: tls, starttls; plain text is never used)");
        };
    }

    /** The default for a port: 993 and 465 implicit TLS; 143, 587 and 25 STARTTLS; others TLS. */
    public static Security defaultFor(int port) {
        return switch (port) {
            case 143, 587, 25 -> STARTTLS;
            default -> TLS;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
