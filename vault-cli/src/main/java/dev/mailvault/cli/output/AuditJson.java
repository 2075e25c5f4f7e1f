package dev.mailvault.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.core.audit.AuditEntry;
import dev.mailvault.core.audit.AuditFlag;
import dev.mailvault.core.audit.AuditReport;
import dev.mailvault.core.audit.AuditTexts;
import dev.mailvault.core.audit.FlagCode;
import java.io.IOException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The document of {@code audit --json}; docs/cli.md shows its shape. */
public final class AuditJson {
    private AuditJson() {}

    public static void write(JsonGenerator json, AuditReport report, ZoneId zone, Locale locale) throws IOException {
        json.writeStartObject();
        AccountJson.instant(json, "audited_at", report.at());
        json.writeNumberField("accounts_audited", report.accountsAudited());
        json.writeFieldName("accounts");
        json.writeStartArray();
        Map<FlagCode, Integer> counts = new EnumMap<>(FlagCode.class);
        for (AuditEntry entry : report.entries()) {
            json.writeStartObject();
            json.writeStringField("address", entry.address().value());
            json.writeStringField("provider", entry.provider().id());
            json.writeFieldName("flags");
            json.writeStartArray();
            for (AuditFlag flag : entry.flags()) {
                counts.merge(flag.code(), 1, Integer::sum);
                flag(json, entry, flag, zone, locale);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("summary");
        json.writeStartObject();
        for (Map.Entry<FlagCode, Integer> count : counts.entrySet()) {
            json.writeNumberField(count.getKey().id(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void flag(JsonGenerator json, AuditEntry entry, AuditFlag flag, ZoneId zone, Locale locale)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("flag", flag.code().id());
        json.writeFieldName("ref");
        if (flag.credential().isPresent()) {
            json.writeString(flag.credential().get().toString());
        } else {
            json.writeNull();
        }
        json.writeStringField("action", flag.action().id());
        json.writeFieldName("detail");
        json.writeStartObject();
        for (Map.Entry<String, Object> d : flag.detail().entrySet()) {
            json.writeFieldName(d.getKey());
            if (d.getValue() instanceof Long number) {
                json.writeNumber(number);
            } else if (d.getValue() instanceof List<?> list) {
                json.writeStartArray();
                for (Object item : list) {
                    json.writeString(String.valueOf(item));
                }
                json.writeEndArray();
            } else {
                // strings, and dates and instants in their ISO-8601 form
                json.writeString(flag.detailText(d.getKey()));
            }
        }
        json.writeEndObject();
        json.writeStringField("message", AuditTexts.describe(entry, flag, zone, locale));
        json.writeStringField("next_step", AuditTexts.nextStep(flag, locale));
        json.writeEndObject();
    }
}
