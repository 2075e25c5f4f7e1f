package dev.mailvault.core.transfer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.core.transfer.Skipped;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bitwarden's unencrypted JSON export (Tools → Export vault → File format: .json):
 *
 * <pre>{"encrypted": false, "folders": [...], "items": [{"type": 1, "name": ..., "notes": ...,
 *   "login": {"username": ..., "password": ..., "uris": [{"uri": ...}], "passwordRevisionDate": ...},
 *   "fields": [{"name": ..., "value": ..., "type": 0}], "revisionDate": ...}]}</pre>
 *
 * An encrypted or password-protected export ({@code "encrypted": true}) is refused: its values
 * are ciphertext only Bitwarden can open.
 *
 * <p>The JSON is read with Jackson's streaming parser so that {@code password} values (and custom
 * field values, which may be hidden fields) go from the parser's buffer straight into a {@code
 * char[]}, never into a String.
 */
public final class BitwardenJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Object NULL = new Object();

    /** A JSON object and the line it starts on. */
    private record Obj(Map<String, Object> fields, long line) {
        Object get(String name) {
            Object v = fields.get(name);
            return v == NULL ? null : v;
        }
    }

    private BitwardenJson() {}

    /** The login items (the caller wipes them); other items go to {@code skipped}. */
    public static List<LoginEntry> read(char[] text, String name, List<Skipped> skipped) {
        List<Object> secrets = new ArrayList<>();
        List<LoginEntry> out = new ArrayList<>();
        try {
            Object root;
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() == null) {
                    throw new BadInputException(name + " is empty; expected Bitwarden's JSON export");
                }
                root = value(p, "", secrets);
                if (p.nextToken() != null) {
                    throw new BadInputException(name + ": line "
                            + p.currentLocation().getLineNr() + ": more text after the end of the JSON document");
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new BadInputException(name + ": "
                        + (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                        + "not valid JSON ("
                        + e.getOriginalMessage().lines().findFirst().orElse("")
                        + "); expected Bitwarden's unencrypted JSON export");
            } catch (IOException e) {
                throw new BadInputException(name + ": cannot be read: " + e.getMessage(), e);
            }
            if (!(root instanceof Obj doc)) {
                throw new BadInputException(name + ": not a Bitwarden export (the JSON is not an object)");
            }
            if (Boolean.TRUE.equals(doc.get("encrypted")) || Boolean.TRUE.equals(doc.get("passwordProtected"))) {
                throw new BadInputException(name + " is an encrypted Bitwarden export, which only Bitwarden can "
                        + "open. Export again in Bitwarden with the file format \".json\", not \".json (Encrypted)\"");
            }
            if (doc.fields().containsKey("encrypted") && !(doc.get("encrypted") instanceof Boolean)) {
                throw new BadInputException(name + ": line " + doc.line() + ": \"encrypted\" must be true or false");
            }
            if (!(doc.get("items") instanceof List<?> items)) {
                throw new BadInputException(name
                        + ": no \"items\" list; expected Bitwarden's JSON export {\"encrypted\":false,\"items\":[…]}");
            }
            for (int i = 0; i < items.size(); i++) {
                String source = EntrySource.item(i + 1);
                if (!(items.get(i) instanceof Obj item)) {
                    throw new BadInputException(name + ": " + source + ": not an object");
                }
                String at = name + ": " + source + " (line " + item.line() + "): ";
                Optional<LoginEntry> entry = item(item, source, at, skipped);
                entry.ifPresent(out::add);
            }
            return out;
        } catch (RuntimeException e) {
            out.forEach(LoginEntry::close);
            throw e;
        } finally {
            for (Object s : secrets) {
                Arrays.fill((char[]) s, '\0');
            }
        }
    }

    private static Optional<LoginEntry> item(Obj item, String source, String at, List<Skipped> skipped) {
        Object type = item.get("type");
        // Compared, never converted: a crafted 1e999999999 must not be expanded into digits.
        if (!(type instanceof BigDecimal n)
                || n.compareTo(BigDecimal.ZERO) <= 0
                || n.compareTo(BigDecimal.valueOf(1000)) > 0
                || n.stripTrailingZeros().scale() > 0) {
            throw new BadInputException(at + "\"type\" must be a whole number (1 login, 2 note, 3 card, 4 identity)");
        }
        String title = text(item, "name", at);
        if (n.intValueExact() != 1) {
            String kind = switch (n.intValueExact()) {
                case 2 -> "secure note";
                case 3 -> "card";
                case 4 -> "identity";
                case 5 -> "SSH key";
                default -> "type " + n.intValueExact();
            };
            skipped.add(new Skipped(source, title, SkipReason.NOT_A_LOGIN, kind));
            return Optional.empty();
        }
        Object loginValue = item.get("login");
        if (loginValue != null && !(loginValue instanceof Obj)) {
            throw new BadInputException(at + "\"login\" must be an object");
        }
        Obj login = loginValue == null ? new Obj(Map.of(), item.line()) : (Obj) loginValue;
        List<String> urls = new ArrayList<>();
        for (Obj uri : objects(login, "uris", at + "login.")) {
            String u = text(uri, "uri", at + "login.uris: ");
            if (!u.isEmpty()) {
                urls.add(u);
            }
        }
        List<String> fieldLines = new ArrayList<>();
        for (Obj field : objects(item, "fields", at)) {
            String fieldName = text(field, "name", at + "fields: ");
            Object value = field.get("value");
            if (value != null && !(value instanceof char[])) {
                throw new BadInputException(at + "fields: \"value\" must be text");
            }
            // Only the fields that name mail servers are read, and only those become Strings.
            if (value != null && fieldName.matches("(?i)\\s*(imap|smtp)( server| login)?\\s*")) {
                fieldLines.add(fieldName + ": " + new String((char[]) value));
            }
        }
        Object password = login.get("password");
        if (password != null && !(password instanceof char[])) {
            throw new BadInputException(at + "login.password must be text");
        }
        Optional<Instant> changed =
                date(login, "passwordRevisionDate", at + "login.").or(() -> date(item, "revisionDate", at));
        return Optional.of(new LoginEntry(
                source,
                title,
                text(login, "username", at + "login."),
                password == null ? new char[0] : ((char[]) password).clone(),
                urls,
                text(item, "notes", at),
                fieldLines,
                changed));
    }

    private static String text(Obj o, String field, String at) {
        Object v = o.get(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new BadInputException(at + "\"" + field + "\" must be text");
        }
        return s;
    }

    private static List<Obj> objects(Obj o, String field, String at) {
        Object v = o.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new BadInputException(at + "\"" + field + "\" must be a list");
        }
        List<Obj> out = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Obj obj)) {
                throw new BadInputException(at + "\"" + field + "\" must hold objects");
            }
            out.add(obj);
        }
        return out;
    }

    private static Optional<Instant> date(Obj o, String field, String at) {
        String t = text(o, field, at);
        if (t.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t.strip()));
        } catch (DateTimeParseException e) {
            throw new BadInputException(at + "\"" + field + "\" is not a date (expected 2024-05-01T10:00:00.000Z)");
        }
    }

    /** Reads the value at the current token; {@code password} and {@code value} texts become char[]. */
    private static Object value(JsonParser p, String field, List<Object> secrets) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                long line = p.currentTokenLocation().getLineNr();
                Map<String, Object> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    Object v = value(p, name, secrets);
                    Object earlier = fields.put(name, v);
                    if (earlier instanceof char[] chars) {
                        Arrays.fill(chars, '\0');
                    }
                }
                return new Obj(fields, line);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, "", secrets));
                }
                return list;
            }
            case VALUE_STRING -> {
                if (field.equals("password") || field.equals("value")) {
                    char[] chars = Arrays.copyOfRange(
                            p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength());
                    secrets.add(chars);
                    return chars;
                }
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new BadInputException("unexpected JSON token " + t);
        }
    }
}
