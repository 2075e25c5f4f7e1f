package dev.mailvault.core.audit;

import dev.mailvault.core.files.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit as CSV (RFC 4180, UTF-8, CRLF): a header row of stable English names, then one row per
 * account and flag, most urgent first. The message and next-step columns are in the asked language;
 * the detail column holds {@code key=value} pairs joined by {@code "; "}, with ISO-8601 dates and
 * instants. A cell that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or
 * carriage return) gets a leading apostrophe. Nothing secret is ever in the report.
 */
public final class AuditCsv {
    public static final List<String> HEADER =
            List.of("address", "provider", "flag", "credential", "action", "detail", "message", "next_step");

    private static final String CRLF = "\r\n";

    private AuditCsv() {}

    public static String render(AuditReport report, ZoneId zone, Locale locale) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (AuditEntry entry : report.entries()) {
            for (AuditFlag flag : entry.flags()) {
                line(
                        out,
                        List.of(
                                entry.address().value(),
                                entry.provider().id(),
                                flag.code().id(),
                                flag.credential().map(Object::toString).orElse(""),
                                flag.action().id(),
                                detail(flag),
                                AuditTexts.describe(entry, flag, zone, locale),
                                AuditTexts.nextStep(flag, locale)));
            }
        }
        return out.toString();
    }

    /**
     * Writes the CSV to {@code file} in one step (a temporary file beside it, then a move), mode
     * 0600; an existing file is replaced.
     */
    public static void write(Path file, AuditReport report, ZoneId zone, Locale locale) {
        AtomicFiles.write(
                file,
                render(report, zone, locale).getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-------"));
    }

    private static String detail(AuditFlag flag) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> e : flag.detail().entrySet()) {
            pairs.add(e.getKey() + "=" + flag.detailText(e.getKey()));
        }
        return String.join("; ", pairs);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    private static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
