package dev.mailvault.core.provider.internal;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.provider.AutoconfigRefusedException;
import dev.mailvault.core.provider.AutoconfigRefusedException.Reason;
import dev.mailvault.core.provider.GenerateRules;
import dev.mailvault.core.provider.LocalizedText;
import dev.mailvault.core.provider.LoginForm;
import dev.mailvault.core.provider.PasswordKind;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ServerSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns a Thunderbird autoconfig / ISPDB {@code clientConfig} document into a catalog entry. The
 * parser reads no DTD and resolves no entity, so a file cannot make it fetch or read anything.
 * Servers without TLS are refused: Mail Vault never sends a password in plain text.
 */
public final class AutoconfigReader {
    private AutoconfigReader() {}

    /** Parses {@code xml}; {@code origin} names the file in messages and in the entry's source. */
    public static Provider read(byte[] xml, String origin, LocalDate today) {
        Element provider = emailProvider(parse(xml, origin), origin);
        String id = providerId(provider.getAttribute("id"), origin);
        List<String> domains = new ArrayList<>();
        for (Element domain : children(provider, "domain")) {
            String text = text(domain).toLowerCase(Locale.ROOT);
            if (!text.isEmpty()) {
                domains.add(text);
            }
        }
        if (domains.isEmpty()) {
            throw AutoconfigRefusedException.of(Reason.NO_DOMAIN, origin);
        }
        String displayName = children(provider, "displayName").stream()
                .map(AutoconfigReader::text)
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse(id);
        Chosen imap = chooseServer(
                children(provider, "incomingServer"), "imap", "<incomingServer type=\"imap\">", domains, origin);
        Chosen smtp = chooseServer(
                children(provider, "outgoingServer"), "smtp", "<outgoingServer type=\"smtp\">", domains, origin);
        PasswordKind kind = imap.oauthOnly && smtp.oauthOnly ? PasswordKind.OAUTH_ONLY : PasswordKind.ACCOUNT;
        GenerateRules generate = kind == PasswordKind.OAUTH_ONLY
                ? GenerateRules.refused(new LocalizedText(
                        "このプロバイダーはパスワードを受け付けないため、生成しても使えません。",
                        "This provider accepts no password, so a generated one could not be used."))
                : GenerateRules.allowed(GenerateRules.LETTERS_DIGITS, 12, 64, 20);
        try {
            return new Provider(
                    id,
                    LocalizedText.same(displayName),
                    domains,
                    Optional.of(imap.settings),
                    Optional.of(smtp.settings),
                    kind,
                    Optional.empty(),
                    Optional.empty(),
                    generate,
                    List.of(),
                    false,
                    Map.of(),
                    today,
                    "imported from " + origin + " (Thunderbird autoconfig); not confirmed",
                    false);
        } catch (BadInputException e) {
            throw AutoconfigRefusedException.caused(e, Reason.BAD_ENTRY, origin, e.getMessage());
        }
    }

    private static Document parse(byte[] xml, String origin) {
        refuseDoctype(xml, origin);
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            // Nothing outside the document is ever read, even if a feature above were ignored.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw AutoconfigRefusedException.of(Reason.DOCTYPE, origin, String.valueOf(e.getLineNumber()));
            }
            throw e.getLineNumber() > 0
                    ? AutoconfigRefusedException.caused(
                            e, Reason.NOT_WELL_FORMED_AT_LINE, origin, String.valueOf(e.getLineNumber()), message)
                    : AutoconfigRefusedException.caused(e, Reason.NOT_WELL_FORMED, origin, message);
        } catch (SAXException e) {
            throw AutoconfigRefusedException.caused(e, Reason.NOT_XML, origin, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            // The parser reports bad byte sequences (wrong encoding) as IOExceptions.
            throw AutoconfigRefusedException.caused(e, Reason.NOT_XML, origin, String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    /**
     * Refuses a DOCTYPE before parsing, with a message that does not depend on the parser's
     * wording or language. The parser is configured to refuse one too; this only names it clearly.
     */
    private static void refuseDoctype(byte[] xml, String origin) {
        byte[] marker = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int line = 1;
        outer:
        for (int i = 0; i + marker.length <= xml.length; i++) {
            if (xml[i] == '\n') {
                line++;
            }
            for (int j = 0; j < marker.length; j++) {
                if (xml[i + j] != marker[j]) {
                    continue outer;
                }
            }
            throw AutoconfigRefusedException.of(Reason.DOCTYPE, origin, String.valueOf(line));
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    private static Element emailProvider(Document document, String origin) {
        Element root = document.getDocumentElement();
        if (root == null || !"clientConfig".equals(root.getTagName())) {
            throw root == null
                    ? AutoconfigRefusedException.of(Reason.NO_ROOT, origin)
                    : AutoconfigRefusedException.of(Reason.WRONG_ROOT, origin, "<" + root.getTagName() + ">");
        }
        List<Element> providers = children(root, "emailProvider");
        if (providers.isEmpty()) {
            throw AutoconfigRefusedException.of(Reason.NO_EMAIL_PROVIDER, origin);
        }
        if (providers.size() > 1) {
            throw AutoconfigRefusedException.of(Reason.SEVERAL_PROVIDERS, origin, String.valueOf(providers.size()));
        }
        return providers.get(0);
    }

    private static String providerId(String raw, String origin) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (id.isEmpty()) {
            throw AutoconfigRefusedException.of(Reason.NO_ID, origin);
        }
        if (!id.matches("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?")) {
            throw AutoconfigRefusedException.of(Reason.BAD_ID, origin, raw);
        }
        return id;
    }

    private record Chosen(ServerSettings settings, boolean oauthOnly) {}

    private static Chosen chooseServer(
            List<Element> servers, String type, String label, List<String> domains, String origin) {
        List<Element> ofType = servers.stream()
                .filter(s -> type.equalsIgnoreCase(s.getAttribute("type")))
                .toList();
        if (ofType.isEmpty()) {
            throw AutoconfigRefusedException.of(Reason.NO_SERVER, origin, label);
        }
        String plain = null;
        for (Element server : ofType) {
            String socket = childText(server, "socketType");
            String host = hostName(childText(server, "hostname"), domains, label, origin);
            int port = port(childText(server, "port"), label, origin);
            Security security;
            switch (socket.toUpperCase(Locale.ROOT)) {
                case "SSL", "TLS" -> security = Security.TLS;
                case "STARTTLS" -> security = Security.STARTTLS;
                case "PLAIN", "" -> {
                    if (plain == null) {
                        plain = host + ":" + port;
                    }
                    continue;
                }
                default ->
                    throw AutoconfigRefusedException.of(
                            Reason.UNKNOWN_SOCKET, origin, label, host + ":" + port, socket);
            }
            List<String> auth = children(server, "authentication").stream()
                    .map(AutoconfigReader::text)
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .toList();
            boolean oauthOnly = !auth.isEmpty() && auth.stream().allMatch(a -> a.equals("oauth2"));
            LoginForm login = loginForm(childText(server, "username"));
            try {
                return new Chosen(new ServerSettings(new Endpoint(host, port, security), login), oauthOnly);
            } catch (BadInputException e) {
                throw AutoconfigRefusedException.caused(e, Reason.BAD_SERVER, origin, label, e.getMessage());
            }
        }
        throw AutoconfigRefusedException.of(Reason.PLAIN_TEXT_ONLY, origin, label, plain);
    }

    private static String hostName(String raw, List<String> domains, String label, String origin) {
        String host = raw.strip();
        if (host.contains("%EMAILDOMAIN%")) {
            if (domains.size() != 1) {
                throw AutoconfigRefusedException.of(Reason.DOMAIN_PLACEHOLDER_AMBIGUOUS, origin, label, raw);
            }
            host = host.replace("%EMAILDOMAIN%", domains.get(0));
        }
        if (host.isEmpty()) {
            throw AutoconfigRefusedException.of(Reason.NO_HOSTNAME, origin, label);
        }
        if (host.contains("%")) {
            throw AutoconfigRefusedException.of(Reason.UNKNOWN_PLACEHOLDER, origin, label, raw);
        }
        return host;
    }

    private static int port(String raw, String label, String origin) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw AutoconfigRefusedException.of(Reason.PORT_NOT_NUMBER, origin, label, raw);
        }
    }

    private static LoginForm loginForm(String username) {
        String u = username.strip().toUpperCase(Locale.ROOT);
        if (u.equals("%EMAILADDRESS%") || u.equals("%EMAILLOCALPART%@%EMAILDOMAIN%")) {
            return LoginForm.ADDRESS;
        }
        if (u.equals("%EMAILLOCALPART%")) {
            return LoginForm.LOCAL_PART;
        }
        // Anything else is a name the provider hands out; the user types it in.
        return LoginForm.PROVIDER_ID;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static String childText(Element parent, String name) {
        return children(parent, name).stream()
                .map(AutoconfigReader::text)
                .findFirst()
                .orElse("");
    }

    private static String text(Element element) {
        String text = element.getTextContent();
        return text == null ? "" : text.strip();
    }
}
