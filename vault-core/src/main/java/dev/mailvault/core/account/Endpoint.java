package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** A mail server endpoint: host, port and security. Parsed from {@code HOST:PORT[:tls|starttls]}. */
public record Endpoint(String host, int port, Security security) {
    public Endpoint {
        if (host == null || !MailSyntax.isHostName(host)) {
            throw new BadInputException("invalid host name '" + host + "'");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new BadInputException("port must be between 1 and 65535, was " + port);
        }
        if (security == null) {
            security = Security.defaultFor(port);
        }
    }

    /** Parses {@code HOST:PORT[:tls|starttls]}; the security defaults by port. */
    public static Endpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("an endpoint is required (HOST:PORT[:tls|starttls])");
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new BadInputException("endpoint '" + text + "' does not parse (expected HOST:PORT[:tls|starttls])");
        }
        int port;
        try {
            port = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new BadInputException("endpoint '" + text + "': port '" + parts[1] + "' is not a number");
        }
        Security security = parts.length == 3 ? Security.parse(parts[2]) : Security.defaultFor(port);
        return new Endpoint(parts[0], port, security);
    }

    @Override
    public String toString() {
        return host + ":" + port + ":" + security.id();
    }
}
