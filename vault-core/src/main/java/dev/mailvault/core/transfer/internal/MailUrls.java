package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.verify.Protocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads mail servers out of URLs and server notes, and tells mail hosts from other web sites. */
public final class MailUrls {
    /** First host labels that name a mail service; {@code mailchimp.com} is not one of them. */
    private static final Set<String> MAIL_LABELS = Set.of("mail", "webmail", "imap", "smtp", "pop", "pop3");

    private MailUrls() {}

    /** A server found in a URL or note, with the protocol its scheme or host name says. */
    public record Server(Protocol protocol, Endpoint endpoint) {}

    /**
     * The mail server a URL names: {@code imaps://}, {@code imap://}, {@code smtps://}, {@code
     * smtp://}, {@code submission(s)://}, or a bare {@code imap.…}/{@code smtp.…} host. Empty for
     * anything else. A mail URL whose host or port is invalid is a {@code BadInputException}.
     */
    public static Optional<Server> server(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return Optional.empty();
        }
        int sep = u.indexOf("://");
        if (sep < 0) {
            String host = hostPart(u);
            String first = firstLabel(host);
            if (first.equals("imap") || first.equals("smtp")) {
                Protocol p = first.equals("imap") ? Protocol.IMAP : Protocol.SMTP;
                return Optional.of(new Server(p, endpoint(u, p, null)));
            }
            return Optional.empty();
        }
        String scheme = u.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = u.substring(sep + 3);
        return switch (scheme) {
            case "imaps" -> Optional.of(new Server(Protocol.IMAP, endpoint(rest, Protocol.IMAP, Security.TLS)));
            case "imap" -> Optional.of(new Server(Protocol.IMAP, endpoint(rest, Protocol.IMAP, Security.STARTTLS)));
            case "smtps", "submissions" ->
                Optional.of(new Server(Protocol.SMTP, endpoint(rest, Protocol.SMTP, Security.TLS)));
            case "smtp", "submission" ->
                Optional.of(new Server(Protocol.SMTP, endpoint(rest, Protocol.SMTP, Security.STARTTLS)));
            default -> Optional.empty();
        };
    }

    /**
     * A server written in a note line for {@code protocol}: a URL of that protocol, or {@code
     * HOST[:PORT[:tls|starttls]]}. Empty when the text is something else ("same as IMAP").
     */
    public static Optional<Endpoint> noteServer(String text, Protocol protocol) {
        try {
            if (text.contains("://")) {
                return server(text).filter(s -> s.protocol() == protocol).map(Server::endpoint);
            }
            String[] parts = text.strip().split(":", -1);
            if (parts.length > 3) {
                return Optional.empty();
            }
            if (parts[0].indexOf('.') < 0) {
                return Optional.empty();
            }
            int port = parts.length >= 2 ? Integer.parseInt(parts[1]) : defaultPort(protocol);
            Security security = parts.length == 3 ? Security.parse(parts[2]) : null;
            return Optional.of(new Endpoint(parts[0], port, security));
        } catch (RuntimeException e) {
            // A note line is free text: what does not read as a server stays in the notes.
            return Optional.empty();
        }
    }

    /** The host of a web URL (with or without a scheme), in lower case; empty when there is none. */
    public static Optional<String> host(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(u.contains("://") ? u : "https://" + u);
            return Optional.ofNullable(uri.getHost())
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .map(h -> h.endsWith(".") ? h.substring(0, h.length() - 1) : h)
                    .filter(h -> !h.isEmpty());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code mail.example.com}, {@code webmail.example.com}, {@code imap.…}: a mail service's host. */
    public static boolean isMailHost(String host) {
        return host.indexOf('.') > 0 && MAIL_LABELS.contains(firstLabel(host));
    }

    /** Whether {@code host} is {@code domain} or below it. */
    public static boolean within(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** {@code imap.mail.example.com} → {@code mail.example.com}; a two-label host stays as it is. */
    public static String parentOf(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && host.indexOf('.', dot + 1) > 0 ? host.substring(dot + 1) : host;
    }

    /** The URL form of an endpoint, as the exporter writes it and {@link #server} reads it. */
    public static String url(Protocol protocol, Endpoint endpoint) {
        String scheme = protocol == Protocol.IMAP ? "imap" : "smtp";
        return scheme + (endpoint.security() == Security.TLS ? "s" : "") + "://" + endpoint.host() + ":"
                + endpoint.port();
    }

    private static Endpoint endpoint(String authorityAndPath, Protocol protocol, Security schemeSecurity) {
        String hostPort = hostPart(authorityAndPath);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port;
        if (colon < 0) {
            port = schemeSecurity == Security.STARTTLS
                    ? (protocol == Protocol.IMAP ? 143 : 587)
                    : defaultPort(protocol);
        } else {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw dev.mailvault.core.transfer.ImportRefusedException.of(
                        dev.mailvault.core.transfer.ImportRefusedException.Reason.URL_PORT);
            }
        }
        // imap:// and smtp:// mean STARTTLS, except on the implicit-TLS ports, where people write
        // smtp://host:465 for a server that speaks TLS from the start. Plain text is never used.
        Security security =
                schemeSecurity == Security.STARTTLS && (port == 993 || port == 465) ? Security.TLS : schemeSecurity;
        return new Endpoint(host, port, security);
    }

    private static String hostPart(String authorityAndPath) {
        String s = authorityAndPath;
        for (char end : new char[] {'/', '?', '#'}) {
            int i = s.indexOf(end);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        int at = s.lastIndexOf('@');
        return at >= 0 ? s.substring(at + 1) : s;
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return (dot < 0 ? host : host.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static int defaultPort(Protocol protocol) {
        return protocol == Protocol.IMAP ? 993 : 465;
    }
}
