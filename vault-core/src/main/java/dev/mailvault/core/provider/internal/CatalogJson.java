package dev.mailvault.core.provider.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.provider.ErrorText;
import dev.mailvault.core.provider.GenerateRules;
import dev.mailvault.core.provider.LocalizedText;
import dev.mailvault.core.provider.LoginForm;
import dev.mailvault.core.provider.PasswordKind;
import dev.mailvault.core.provider.Portal;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ServerSettings;
import dev.mailvault.core.verify.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the catalog's JSON form (the built-in {@code providers.json} and the user's
 * overrides file). Reading is strict: an unknown field, a missing text in one language or a
 * duplicate id is an error that names where it is, so a typo in an override never passes silently.
 */
public final class CatalogJson {
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> TOP_FIELDS = Set.of("format", "providers");
    private static final Set<String> PROVIDER_FIELDS = Set.of(
            "id",
            "names",
            "domains",
            "imap",
            "smtp",
            "password",
            "issuedLength",
            "portal",
            "generate",
            "errors",
            "authFailureMeansAppPassword",
            "hints",
            "verified",
            "source",
            "confirmed");
    private static final Set<String> SERVER_FIELDS = Set.of("host", "port", "security", "login");
    private static final Set<String> PORTAL_FIELDS = Set.of("name", "url", "steps");
    private static final Set<String> GENERATE_FIELDS =
            Set.of("allowed", "reason", "alphabet", "minLength", "maxLength", "defaultLength");
    private static final Set<String> ERROR_FIELDS = Set.of("pattern", "outcome", "hint");
    private static final Set<String> TEXT_FIELDS = Set.of("ja", "en");

    private static final Map<String, String> ALPHABETS = Map.of(
            "letters-digits", GenerateRules.LETTERS_DIGITS,
            "letters-digits-symbols", GenerateRules.LETTERS_DIGITS_SYMBOLS);

    private CatalogJson() {}

    /**
     * Parses a catalog document. {@code origin} names the file in messages. Throws {@link
     * BadInputException} saying where and what is wrong.
     */
    public static List<Provider> read(byte[] json, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(origin + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(origin + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new BadInputException(origin + ": expected a JSON object with \"format\" and \"providers\"");
        }
        Path top = new Path(origin, "");
        top.onlyFields(root, TOP_FIELDS);
        int format = top.at("format").integer(root.get("format"));
        if (format != FORMAT) {
            throw new BadInputException(
                    origin + ": format " + format + " is not supported (this version reads format " + FORMAT + ")");
        }
        JsonNode list = root.get("providers");
        if (list == null || !list.isArray()) {
            throw new BadInputException(origin + ": \"providers\" must be a list");
        }
        List<Provider> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String label = "providers[" + i + "]";
            if (node.isObject() && node.path("id").isTextual()) {
                label += " (id '" + node.get("id").asText() + "')";
            }
            Provider provider = provider(node, new Path(origin, label));
            if (!ids.add(provider.id())) {
                throw new BadInputException(origin + ": provider id '" + provider.id() + "' appears twice");
            }
            providers.add(provider);
        }
        return providers;
    }

    /** The JSON form of a list of providers, UTF-8, in the format {@link #read} accepts. */
    public static byte[] write(List<Provider> providers) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("providers");
        for (Provider provider : providers) {
            list.add(toJson(provider));
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the provider catalog", e);
        }
    }

    private static Provider provider(JsonNode node, Path path) {
        if (!node.isObject()) {
            throw path.error("must be an object");
        }
        path.onlyFields(node, PROVIDER_FIELDS);
        try {
            String id = path.at("id").text(node.get("id"));
            LocalizedText names = path.at("names").localized(node.get("names"));
            List<String> domains = new ArrayList<>();
            JsonNode domainList = node.get("domains");
            if (domainList != null) {
                if (!domainList.isArray()) {
                    throw path.at("domains").error("must be a list of domain names");
                }
                for (int i = 0; i < domainList.size(); i++) {
                    domains.add(path.at("domains[" + i + "]").text(domainList.get(i)));
                }
            }
            Optional<ServerSettings> imap = optional(node, "imap").map(n -> server(n, path.at("imap")));
            Optional<ServerSettings> smtp = optional(node, "smtp").map(n -> server(n, path.at("smtp")));
            PasswordKind kind = PasswordKind.parse(path.at("password").text(node.get("password")));
            Optional<Integer> issuedLength = optional(node, "issuedLength")
                    .map(n -> path.at("issuedLength").integer(n));
            Optional<Portal> portal = optional(node, "portal").map(n -> portal(n, path.at("portal")));
            GenerateRules generate = generate(node.get("generate"), path.at("generate"));
            List<ErrorText> errors = new ArrayList<>();
            JsonNode errorList = node.get("errors");
            if (errorList != null) {
                if (!errorList.isArray()) {
                    throw path.at("errors").error("must be a list");
                }
                for (int i = 0; i < errorList.size(); i++) {
                    errors.add(errorText(errorList.get(i), path.at("errors[" + i + "]")));
                }
            }
            boolean authFailureMeansAppPassword = optional(node, "authFailureMeansAppPassword")
                    .map(n -> path.at("authFailureMeansAppPassword").bool(n))
                    .orElse(false);
            Map<Outcome, LocalizedText> hints = new EnumMap<>(Outcome.class);
            JsonNode hintNode = node.get("hints");
            if (hintNode != null) {
                if (!hintNode.isObject()) {
                    throw path.at("hints").error("must be an object from outcome code to text");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = hintNode.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Path at = path.at("hints." + field.getKey());
                    hints.put(at.outcome(field.getKey()), at.localized(field.getValue()));
                }
            }
            LocalDate verified = path.at("verified").date(node.get("verified"));
            String source = path.at("source").text(node.get("source"));
            boolean confirmed = path.at("confirmed").bool(node.get("confirmed"));
            return new Provider(
                    id,
                    names,
                    domains,
                    imap,
                    smtp,
                    kind,
                    issuedLength,
                    portal,
                    generate,
                    errors,
                    authFailureMeansAppPassword,
                    hints,
                    verified,
                    source,
                    confirmed);
        } catch (BadInputException e) {
            if (e.getMessage().startsWith(path.origin)) {
                throw e;
            }
            throw path.error(e.getMessage());
        }
    }

    private static ServerSettings server(JsonNode node, Path path) {
        if (!node.isObject()) {
            throw path.error("must be an object with host, port, security and login");
        }
        path.onlyFields(node, SERVER_FIELDS);
        String host = path.at("host").text(node.get("host"));
        int port = path.at("port").integer(node.get("port"));
        Security security = Security.parse(path.at("security").text(node.get("security")));
        LoginForm login = LoginForm.parse(path.at("login").text(node.get("login")));
        try {
            return new ServerSettings(new Endpoint(host, port, security), login);
        } catch (BadInputException e) {
            throw path.error(e.getMessage());
        }
    }

    private static Portal portal(JsonNode node, Path path) {
        if (!node.isObject()) {
            throw path.error("must be an object with name, url and steps");
        }
        path.onlyFields(node, PORTAL_FIELDS);
        LocalizedText name = path.at("name").localized(node.get("name"));
        String url = path.at("url").text(node.get("url"));
        List<LocalizedText> steps = new ArrayList<>();
        JsonNode stepList = node.get("steps");
        if (stepList != null) {
            if (!stepList.isArray()) {
                throw path.at("steps").error("must be a list of texts");
            }
            for (int i = 0; i < stepList.size(); i++) {
                steps.add(path.at("steps[" + i + "]").localized(stepList.get(i)));
            }
        }
        try {
            return new Portal(name, Portal.httpsUrl(url), steps);
        } catch (BadInputException e) {
            throw path.error(e.getMessage());
        }
    }

    private static GenerateRules generate(JsonNode node, Path path) {
        if (node == null || !node.isObject()) {
            throw path.error("must be an object saying whether --generate is allowed");
        }
        path.onlyFields(node, GENERATE_FIELDS);
        boolean allowed = path.at("allowed").bool(node.get("allowed"));
        try {
            if (!allowed) {
                for (String field : List.of("alphabet", "minLength", "maxLength", "defaultLength")) {
                    if (node.has(field)) {
                        throw path.at(field).error("only allowed when \"allowed\" is true");
                    }
                }
                return GenerateRules.refused(path.at("reason").localized(node.get("reason")));
            }
            if (node.has("reason")) {
                throw path.at("reason").error("only allowed when \"allowed\" is false");
            }
            return GenerateRules.allowed(
                    alphabet(node.get("alphabet"), path.at("alphabet")),
                    path.at("minLength").integer(node.get("minLength")),
                    path.at("maxLength").integer(node.get("maxLength")),
                    path.at("defaultLength").integer(node.get("defaultLength")));
        } catch (BadInputException e) {
            if (e.getMessage().startsWith(path.origin)) {
                throw e;
            }
            throw path.error(e.getMessage());
        }
    }

    private static String alphabet(JsonNode node, Path path) {
        if (node != null && node.isTextual()) {
            String named = ALPHABETS.get(node.asText());
            if (named == null) {
                throw path.error("unknown alphabet '" + node.asText()
                        + "' (allowed: letters-digits, letters-digits-symbols, or {\"chars\": \"...\"})");
            }
            return named;
        }
        if (node != null && node.isObject()) {
            path.onlyFields(node, Set.of("chars"));
            return path.at("chars").text(node.get("chars"));
        }
        throw path.error("must name an alphabet (letters-digits, letters-digits-symbols) or give {\"chars\": \"...\"}");
    }

    private static ErrorText errorText(JsonNode node, Path path) {
        if (!node.isObject()) {
            throw path.error("must be an object with pattern, outcome and an optional hint");
        }
        path.onlyFields(node, ERROR_FIELDS);
        String pattern = path.at("pattern").text(node.get("pattern"));
        Outcome outcome = path.at("outcome").outcome(path.at("outcome").text(node.get("outcome")));
        Optional<LocalizedText> hint =
                optional(node, "hint").map(n -> path.at("hint").localized(n));
        try {
            return new ErrorText(pattern, outcome, hint);
        } catch (BadInputException e) {
            throw path.error(e.getMessage());
        }
    }

    private static Optional<JsonNode> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static ObjectNode toJson(Provider p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", p.id());
        node.set("names", text(p.names()));
        ArrayNode domains = node.putArray("domains");
        p.domains().forEach(domains::add);
        p.imap().ifPresent(s -> node.set("imap", server(s)));
        p.smtp().ifPresent(s -> node.set("smtp", server(s)));
        node.put("password", p.passwordKind().id());
        p.issuedLength().ifPresent(n -> node.put("issuedLength", n));
        p.portal().ifPresent(portal -> {
            ObjectNode pn = node.putObject("portal");
            pn.set("name", text(portal.name()));
            pn.put("url", portal.url().toString());
            ArrayNode steps = pn.putArray("steps");
            portal.steps().forEach(s -> steps.add(text(s)));
        });
        ObjectNode generate = node.putObject("generate");
        generate.put("allowed", p.generate().allowed());
        if (p.generate().allowed()) {
            String named = ALPHABETS.entrySet().stream()
                    .filter(e -> e.getValue().equals(p.generate().alphabet()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (named != null) {
                generate.put("alphabet", named);
            } else {
                generate.putObject("alphabet").put("chars", p.generate().alphabet());
            }
            generate.put("minLength", p.generate().minLength());
            generate.put("maxLength", p.generate().maxLength());
            generate.put("defaultLength", p.generate().defaultLength());
        } else {
            generate.set("reason", text(p.generate().refusal().orElseThrow()));
        }
        ArrayNode errors = node.putArray("errors");
        for (ErrorText error : p.errorTexts()) {
            ObjectNode en = errors.addObject();
            en.put("pattern", error.regex());
            en.put("outcome", error.outcome().name());
            error.hint().ifPresent(h -> en.set("hint", text(h)));
        }
        node.put("authFailureMeansAppPassword", p.authFailureMeansAppPassword());
        ObjectNode hints = node.putObject("hints");
        p.hints().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> hints.set(e.getKey().name(), text(e.getValue())));
        node.put("verified", p.verified().toString());
        node.put("source", p.source());
        node.put("confirmed", p.confirmed());
        return node;
    }

    private static ObjectNode server(ServerSettings s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("host", s.endpoint().host());
        node.put("port", s.endpoint().port());
        node.put("security", s.endpoint().security().id());
        node.put("login", s.login().id());
        return node;
    }

    private static ObjectNode text(LocalizedText text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ja", text.ja());
        node.put("en", text.en());
        return node;
    }

    /** Where in the document a value is, for messages. */
    private static final class Path {
        final String origin;
        final String where;

        Path(String origin, String where) {
            this.origin = origin;
            this.where = where;
        }

        Path at(String field) {
            return new Path(origin, where.isEmpty() ? field : where + "." + field);
        }

        BadInputException error(String problem) {
            return new BadInputException(origin + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
        }

        void onlyFields(JsonNode node, Set<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error("unknown field '" + name + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(JsonNode node) {
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                throw error("a non-empty text is required");
            }
            return node.asText();
        }

        int integer(JsonNode node) {
            if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
                throw error("a whole number is required");
            }
            return node.asInt();
        }

        boolean bool(JsonNode node) {
            if (node == null || !node.isBoolean()) {
                throw error("true or false is required");
            }
            return node.asBoolean();
        }

        LocalDate date(JsonNode node) {
            String text = text(node);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error("'" + text + "' is not a date (expected YYYY-MM-DD)");
            }
        }

        LocalizedText localized(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw error("a text in both languages is required: {\"ja\": \"...\", \"en\": \"...\"}");
            }
            onlyFields(node, TEXT_FIELDS);
            return new LocalizedText(at("ja").text(node.get("ja")), at("en").text(node.get("en")));
        }

        Outcome outcome(String code) {
            try {
                return Outcome.valueOf(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("unknown outcome code '" + code + "'");
            }
        }
    }
}
