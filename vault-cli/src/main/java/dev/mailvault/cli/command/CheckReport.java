package dev.mailvault.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckTexts;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.core.verify.VerifyService.Report;
import dev.mailvault.core.verify.VerifyService.RotationEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@code verify} and {@code doctor --check} show a run of login checks: a table, one line per
 * rotation that moved, and a summary; or the JSON object docs/cli.md describes.
 */
final class CheckReport {
    /** Skip reasons the core words in English; the table words them in the user's language. */
    private static final List<String> WORDED_SKIPS = List.of("LOCKOUT_PROTECTION", "OAUTH_ONLY");

    private final Texts texts;
    private final VaultSession session;
    private final ProviderCatalog catalog;

    CheckReport(Texts texts, VaultSession session, ProviderCatalog catalog) {
        this.texts = texts;
        this.session = session;
        this.catalog = catalog;
    }

    void printText(PrintWriter out, Report report) {
        Table table = new Table(
                texts.get("col.address"),
                texts.get("col.protocol"),
                texts.get("col.credential"),
                texts.get("col.outcome"),
                texts.get("col.code"),
                texts.get("col.millis"),
                texts.get("col.message"));
        for (CredentialCheck check : report.checks()) {
            CheckResult r = check.result();
            table.row(
                    check.account().value(),
                    r.protocol().id(),
                    slot(check),
                    r.outcome().name(),
                    r.code().isEmpty() ? "-" : r.code(),
                    Long.toString(r.millis()),
                    message(check));
        }
        table.print(out);
        if (!report.rotations().isEmpty()) {
            out.println();
            for (RotationEvent event : report.rotations()) {
                // the code first, as in the table, so a reader or a script finds it at a glance
                out.println(event.outcome().name() + " " + rotationLine(event));
            }
        }
        out.println();
        out.println(texts.get("msg.verify.summary", report.checks().size(), summary(report)));
    }

    void writeJson(JsonGenerator json, Report report) throws IOException {
        json.writeStartObject();
        json.writeFieldName("results");
        json.writeStartArray();
        for (CredentialCheck check : report.checks()) {
            result(json, check);
        }
        json.writeEndArray();
        json.writeFieldName("summary");
        json.writeStartObject();
        for (Map.Entry<Outcome, Long> e : report.summary().entrySet()) {
            json.writeNumberField(e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
        json.writeFieldName("rotations");
        json.writeStartArray();
        for (RotationEvent event : report.rotations()) {
            json.writeStartObject();
            json.writeStringField("account", event.account().value());
            json.writeStringField("credential", event.credential().toString());
            json.writeStringField("outcome", event.outcome().name());
            json.writeNumberField("stale_devices", staleDevices(event.account(), event.credential()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One result in the contract's field order; {@code code} and {@code alert} only when the server gave them. */
    private static void result(JsonGenerator json, CredentialCheck check) throws IOException {
        CheckResult r = check.result();
        json.writeStartObject();
        json.writeStringField("account", check.account().value());
        json.writeStringField("protocol", r.protocol().id());
        json.writeStringField("credential", r.credential().id());
        json.writeStringField("outcome", r.outcome().name());
        json.writeFieldName("message");
        if (r.message().isEmpty()) {
            json.writeNull();
        } else {
            json.writeString(r.message());
        }
        json.writeNumberField("millis", r.millis());
        json.writeStringField("host", r.host());
        json.writeNumberField("port", r.port());
        if (!r.code().isEmpty()) {
            json.writeStringField("code", r.code());
        }
        if (!r.alert().isEmpty()) {
            json.writeStringField("alert", r.alert());
        }
        json.writeEndObject();
    }

    /** "current" or "pending", and which password when it is not the account's IMAP or SMTP one. */
    private String slot(CredentialCheck check) {
        String slot = texts.get("msg.verify.slot." + check.result().credential().id());
        CredentialKind kind = check.credential().kind();
        return kind == CredentialKind.IMAP || kind == CredentialKind.SMTP
                ? slot
                : slot + " (" + check.credential() + ")";
    }

    private String message(CredentialCheck check) {
        CheckResult r = check.result();
        if (r.outcome() == Outcome.SKIPPED && WORDED_SKIPS.contains(r.code())) {
            return texts.get("msg.verify.skip." + r.code());
        }
        if (r.outcome() == Outcome.TLS_CERT_INVALID && r.code().equals(VerifyService.CA_CERT_UNREADABLE)) {
            return texts.get("msg.verify.caCertUnreadable", check.account());
        }
        return serverSaid(r, texts.locale());
    }

    /**
     * What the server said, with its alert in brackets; the alert's text once, also when the answer
     * itself was the alert ({@code A1 OK [ALERT] text} is both the message and the alert). When no
     * server answered, Mail Vault's own description instead, in the given language.
     */
    static String serverSaid(CheckResult r, Locale locale) {
        String message = CheckTexts.message(r, locale);
        if (r.alert().isEmpty()) {
            return message;
        }
        String alert = "[" + r.alert() + "]";
        return r.messageInAlert() ? alert : message + " " + alert;
    }

    private static String summary(Report report) {
        return report.summary().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    String rotationLine(RotationEvent event) {
        Address account = event.account();
        String which = credentialName(event.credential());
        return switch (event.outcome()) {
            case PROMOTED -> {
                long stale = staleDevices(account, event.credential());
                yield stale == 0
                        ? texts.get("msg.rotation.promoted", account, which)
                        : texts.get("msg.rotation.promotedDevices", account, which, stale);
            }
            case NOT_CHANGED_AT_PROVIDER ->
                texts.get("msg.rotation.notChanged", account, which, whereToChange(account));
            case BOTH_FAILED -> texts.get("msg.rotation.bothFailed", account, which);
        };
    }

    private long staleDevices(Address account, CredentialRef credential) {
        return staleDevices(session, account, credential);
    }

    /** How many devices still hold an older value of this credential. */
    static long staleDevices(VaultSession session, Address account, CredentialRef credential) {
        return session.devices().stream()
                .filter(d -> d.uses().stream()
                        .anyMatch(u ->
                                u.account().equals(account) && u.credential().equals(credential) && u.needsReentry()))
                .map(DeviceInfo::name)
                .distinct()
                .count();
    }

    private String whereToChange(Address account) {
        Provider provider = catalog.forAccount(session.account(account).spec().providerId(), account);
        if (provider.isGeneric()) {
            return texts.get("msg.rotation.theProvider");
        }
        return provider.portal().map(p -> p.name().get(texts.locale())).orElseGet(() -> provider.name(texts.locale()));
    }

    /** "IMAP", "SMTP", "app:iPhone", "portal": the names {@code --kind} and the tables use. */
    static String credentialName(CredentialRef ref) {
        return switch (ref.kind()) {
            case IMAP, SMTP -> ref.kind().id().toUpperCase(java.util.Locale.ROOT);
            case APP, PORTAL -> ref.toString();
        };
    }
}
