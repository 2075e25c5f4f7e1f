package dev.mailvault.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.verify.CheckResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The account object of {@code list --json} and {@code show --json}; docs/cli.md shows its shape. */
public final class AccountJson {
    /** Extra fields {@code show} adds to each credential (its value, its history). */
    @FunctionalInterface
    public interface CredentialExtras {
        void write(JsonGenerator json, CredentialInfo credential) throws IOException;

        CredentialExtras NONE = (json, credential) -> {};
    }

    private AccountJson() {}

    public static void write(JsonGenerator json, AccountInfo account, Clock clock, CredentialExtras extras)
            throws IOException {
        AccountSpec spec = account.spec();
        AccountFacts facts = AccountFacts.of(account, clock);
        json.writeStartObject();
        json.writeStringField("address", spec.address().value());
        nullableString(json, "display_name", spec.displayName());
        json.writeStringField("provider", spec.providerId());
        endpoint(json, "imap", spec.imap(), spec.imapLogin());
        json.writeFieldName("smtp");
        json.writeStartObject();
        endpointFields(json, spec.smtp(), spec.smtpLogin());
        json.writeBooleanField("same_password_as_imap", spec.smtpSameAsImap());
        json.writeEndObject();
        json.writeStringField("policy", spec.policy().spec());
        json.writeBooleanField("ca_cert", !spec.caCertPem().isEmpty());
        nullableString(json, "pinned_imap_sha256", account.pinnedImapCertSha256());
        nullableString(json, "pinned_smtp_sha256", account.pinnedSmtpCertSha256());
        instant(json, "created_at", account.createdAt());
        instant(json, "password_changed_at", facts.passwordChangedAt());
        json.writeNumberField("password_age_days", facts.passwordAgeDays());
        date(json, "next_due_on", facts.nextDueOn());
        json.writeBooleanField("due", facts.due());
        json.writeBooleanField("rotation_pending", facts.rotationPending());
        json.writeNumberField("stale_devices", account.staleDevices());
        json.writeFieldName("credentials");
        json.writeStartArray();
        for (CredentialInfo credential : account.credentials()) {
            credential(json, credential, clock, extras);
        }
        json.writeEndArray();
        json.writeFieldName("last_checks");
        json.writeStartArray();
        for (CheckResult check : account.lastChecks()) {
            check(json, check);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void credential(JsonGenerator json, CredentialInfo c, Clock clock, CredentialExtras extras)
            throws IOException {
        Optional<LocalDate> due = AccountFacts.dueOn(c, clock.getZone());
        json.writeStartObject();
        json.writeStringField("kind", c.ref().kind().id());
        nullableString(
                json, "label", c.ref().kind() == CredentialKind.APP ? c.ref().label() : null);
        json.writeStringField("ref", c.ref().toString());
        instant(json, "changed_at", c.changedAt());
        json.writeStringField("policy", c.policy().spec());
        date(json, "due_on", due);
        json.writeBooleanField(
                "due", due.map(d -> !LocalDate.now(clock).isBefore(d)).orElse(false));
        json.writeFieldName("pending_since");
        if (c.pendingSince().isPresent()) {
            json.writeString(c.pendingSince().get().toString());
        } else {
            json.writeNull();
        }
        json.writeBooleanField("suspect", c.suspect());
        json.writeBooleanField("promoted_unverified", c.promotedUnverified());
        json.writeNumberField("history_count", c.historySize());
        extras.write(json, c);
        json.writeEndObject();
    }

    /** One check result, in the same field names as {@code verify --json}. */
    public static void check(JsonGenerator json, CheckResult check) throws IOException {
        json.writeStartObject();
        json.writeStringField("protocol", check.protocol().id());
        json.writeStringField("credential", check.credential().id());
        json.writeStringField("outcome", check.outcome().name());
        json.writeStringField("host", check.host());
        json.writeNumberField("port", check.port());
        nullableString(json, "code", check.code());
        nullableString(json, "message", check.message());
        nullableString(json, "alert", check.alert());
        json.writeNumberField("millis", check.millis());
        instant(json, "at", check.at());
        json.writeEndObject();
    }

    private static void endpoint(JsonGenerator json, String name, Endpoint endpoint, String login) throws IOException {
        json.writeFieldName(name);
        json.writeStartObject();
        endpointFields(json, endpoint, login);
        json.writeEndObject();
    }

    private static void endpointFields(JsonGenerator json, Endpoint endpoint, String login) throws IOException {
        json.writeStringField("host", endpoint.host());
        json.writeNumberField("port", endpoint.port());
        json.writeStringField("security", endpoint.security().id());
        json.writeStringField("login", login);
    }

    public static void instant(JsonGenerator json, String name, Instant value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value.toString());
        }
    }

    private static void date(JsonGenerator json, String name, Optional<LocalDate> value) throws IOException {
        json.writeFieldName(name);
        if (value.isPresent()) {
            json.writeString(value.get().toString());
        } else {
            json.writeNull();
        }
    }

    /** An absent or empty text is {@code null}, so consumers test one thing. */
    private static void nullableString(JsonGenerator json, String name, String value) throws IOException {
        json.writeFieldName(name);
        if (value == null || value.isEmpty()) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }
}
