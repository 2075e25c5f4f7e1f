package dev.mailvault.core.transfer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportRefusedException.Reason;
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
                    throw ImportRefusedException.of(Reason.JSON_EMPTY, name);
                }
                root = value(p, "", secrets);
                if (p.nextToken() != null) {
                    throw ImportRefusedException.at(
                            name,
                            ImportRefusedException.at(
                                    EntrySource.line(p.currentLocation().getLineNr()),
                                    ImportRefusedException.of(Reason.JSON_TRAILING)));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                ImportRefusedException invalid = ImportRefusedException.of(
                        Reason.JSON_INVALID,
                        e.getOriginalMessage().lines().findFirst().orElse(""));
                throw ImportRefusedException.at(
                        name,
                        at == null
                                ? invalid
                                : ImportRefusedException.at(
                                        "line " + at.getLineNr() + ", column " + at.getColumnNr(), invalid));
            } catch (IOException e) {
                throw ImportRefusedException.at(
                        name, ImportRefusedException.caused(e, Reason.JSON_UNREADABLE, String.valueOf(e.getMessage())));
            }
            if (!(root instanceof Obj doc)) {
                throw ImportRefusedException.at(name, ImportRefusedException.of(Reason.NOT_BITWARDEN));
            }
            if (Boolean.TRUE.equals(doc.get("encrypted")) || Boolean.TRUE.equals(doc.get("passwordProtected"))) {
                throw ImportRefusedException.of(Reason.ENCRYPTED_BITWARDEN, name);
            }
            if (doc.fields().containsKey("encrypted") && !(doc.get("encrypted") instanceof Boolean)) {
                throw ImportRefusedException.at(
                        name,
                        ImportRefusedException.at(
                                EntrySource.line(doc.line()), ImportRefusedException.of(Reason.ENCRYPTED_NOT_BOOLEAN)));
            }
            if (!(doc.get("items") instanceof List<?> items)) {
                throw ImportRefusedException.at(name, ImportRefusedException.of(Reason.NO_ITEMS));
            }
            for (int i = 0; i < items.size(); i++) {
                String source = EntrySource.item(i + 1);
                if (!(items.get(i) instanceof Obj item)) {
                    throw ImportRefusedException.at(
                            name, ImportRefusedException.at(source, ImportRefusedException.of(Reason.ITEM_NOT_OBJECT)));
                }
                try {
                    item(item, source, skipped).ifPresent(out::add);
                } catch (ImportRefusedException e) {
                    throw ImportRefusedException.at(
                            name, ImportRefusedException.at(source + " (line " + item.line() + ")", e));
                }
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

    /** One item; a refusal names the field ({@code login."username"}), the caller names the item. */
    private static Optional<LoginEntry> item(Obj item, String source, List<Skipped> skipped) {
        Object type = item.get("type");
        // Compared, never converted: a crafted 1e999999999 must not be expanded into digits.
        if (!(type instanceof BigDecimal n)
                || n.compareTo(BigDecimal.ZERO) <= 0
                || n.compareTo(BigDecimal.valueOf(1000)) > 0
                || n.stripTrailingZeros().scale() > 0) {
            throw ImportRefusedException.of(Reason.ITEM_TYPE);
        }
        String title = text(item, "name", "");
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
            throw ImportRefusedException.of(Reason.LOGIN_NOT_OBJECT);
        }
        Obj login = loginValue == null ? new Obj(Map.of(), item.line()) : (Obj) loginValue;
        List<String> urls = new ArrayList<>();
        for (Obj uri : objects(login, "uris", "login.")) {
            String u = text(uri, "uri", "login.uris: ");
            if (!u.isEmpty()) {
                urls.add(u);
            }
        }
        List<String> fieldLines = new ArrayList<>();
        for (Obj field : objects(item, "fields", "")) {
            String fieldName = text(field, "name", "fields: ");
            Object value = field.get("value");
            if (value != null && !(value instanceof char[])) {
                throw ImportRefusedException.of(Reason.FIELD_NOT_TEXT, "fields: \"value\"");
            }
            // Only the fields that name mail servers are read, and only those become Strings.
            if (value != null && fieldName.matches("(?i)\\s*(imap|smtp)( server| login)?\\s*")) {
                fieldLines.add(fieldName + ": " + new String((char[]) value));
            }
        }
        Object password = login.get("password");
        if (password != null && !(password instanceof char[])) {
            throw ImportRefusedException.of(Reason.FIELD_NOT_TEXT, "login.password");
        }
        Optional<Instant> changed =
                date(login, "passwordRevisionDate", "login.").or(() -> date(item, "revisionDate", ""));
        return Optional.of(new LoginEntry(
                source,
                title,
                text(login, "username", "login."),
                password == null ? new char[0] : ((char[]) password).clone(),
                urls,
                text(item, "notes", ""),
                fieldLines,
                changed));
    }

    /** {@code path} is what comes before the field's name in a message ({@code "login."}). */
    private static String text(Obj o, String field, String path) {
        Object v = o.get(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw ImportRefusedException.of(Reason.FIELD_NOT_TEXT, path + "\"" + field + "\"");
        }
        return s;
    }

    private static List<Obj> objects(Obj o, String field, String path) {
        Object v = o.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw ImportRefusedException.of(Reason.FIELD_NOT_LIST, path + "\"" + field + "\"");
        }
        List<Obj> out = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Obj obj)) {
                throw ImportRefusedException.of(Reason.FIELD_NOT_OBJECTS, path + "\"" + field + "\"");
            }
            out.add(obj);
        }
        return out;
    }

    private static Optional<Instant> date(Obj o, String field, String path) {
        String t = text(o, field, path);
        if (t.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t.strip()));
        } catch (DateTimeParseException e) {
            throw ImportRefusedException.of(Reason.FIELD_NOT_DATE, path + "\"" + field + "\"");
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
            default -> throw ImportRefusedException.of(Reason.JSON_TOKEN, String.valueOf(t));
        }
    }
}
