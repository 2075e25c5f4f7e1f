package dev.mailvault.core.audit;

import dev.mailvault.core.account.CredentialRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason an account needs attention, with the credential it concerns (none for account-wide
 * reasons such as stale devices) and facts that explain it. The detail never holds a secret: only
 * dates, counts, protocol and outcome names, provider ids and other accounts' addresses. Its keys
 * are the constants below, in the snake_case the JSON output uses; its values are {@code String}, {@code Long}, {@link LocalDate}, {@link
 * Instant} or a {@code List<String>}, in insertion order.
 */
public record AuditFlag(FlagCode code, Optional<CredentialRef> credential, Map<String, Object> detail) {
    /** The protocol of a failed check or the protocol list of an unverified credential: imap, smtp. */
    public static final String PROTOCOL = "protocol";

    public static final String PROTOCOLS = "protocols";
    /** An {@code Outcome} name such as AUTH_FAILED. */
    public static final String OUTCOME = "outcome";
    /** The server's RFC 5530 or SMTP reply code, when it gave one. */
    public static final String SERVER_CODE = "code";
    /** When the check ran. */
    public static final String AT = "at";

    public static final String DUE_ON = "due_on";
    /** Days overdue ({@code overdue}), days left ({@code due-soon}) or days since ({@code not-verified-…}). */
    public static final String DAYS = "days";
    /** The rotation policy in the form {@code vault add --policy} reads: 6m, 90d. */
    public static final String POLICY = "policy";

    public static final String SCORE = "score";
    /** The other accounts holding the same value. */
    public static final String SHARED_WITH = "shared_with";

    public static final String COUNT = "count";
    public static final String PENDING_SINCE = "pending_since";
    public static final String LAST_VERIFIED_ON = "last_verified_on";
    public static final String PROVIDER = "provider";

    public AuditFlag {
        Objects.requireNonNull(code, "code");
        credential = credential == null ? Optional.empty() : credential;
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : (detail == null ? Map.<String, Object>of() : detail).entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey()), checked(e.getKey(), e.getValue()));
        }
        detail = Collections.unmodifiableMap(copy);
    }

    /** A flag with no credential. */
    static AuditFlag account(FlagCode code, Map<String, Object> detail) {
        return new AuditFlag(code, Optional.empty(), detail);
    }

    static AuditFlag of(FlagCode code, CredentialRef credential, Map<String, Object> detail) {
        return new AuditFlag(code, Optional.of(credential), detail);
    }

    public AuditAction action() {
        return code.action();
    }

    /** What to do next, in one line. */
    public String nextStep(Locale locale) {
        return AuditTexts.nextStep(this, locale);
    }

    /** A detail value as text: dates in ISO-8601, lists joined with commas; empty when absent. */
    public String detailText(String key) {
        Object value = detail.get(key);
        if (value == null) {
            return "";
        }
        return value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : value.toString();
    }

    private static Object checked(String key, Object value) {
        if (value instanceof List<?> list) {
            return List.copyOf(list.stream().map(String.class::cast).toList());
        }
        if (value instanceof String
                || value instanceof Long
                || value instanceof LocalDate
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        throw new IllegalArgumentException("audit detail '" + key + "' has an unsupported type: "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
