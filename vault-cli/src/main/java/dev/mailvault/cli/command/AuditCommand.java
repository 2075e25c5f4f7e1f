package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.AuditJson;
import dev.mailvault.cli.output.Json;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.audit.Audit;
import dev.mailvault.core.audit.AuditCsv;
import dev.mailvault.core.audit.AuditEntry;
import dev.mailvault.core.audit.AuditFlag;
import dev.mailvault.core.audit.AuditReport;
import dev.mailvault.core.audit.AuditTexts;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.provider.ProviderCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vault audit}: every account that needs attention with all its reasons and the next step
 * for each; exit 1 when anything is listed. {@code --csv FILE} also writes the list as CSV.
 */
@Command(name = "audit")
public final class AuditCommand extends VaultSubcommand {
    @Mixin
    private JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE")
    private Path csv;

    @Override
    public Integer call() {
        if (csv != null) {
            checkCsvTarget();
        }
        ProviderCatalog catalog = catalog();
        AuditReport report;
        ZoneId zone;
        try (VaultSession session = unlock()) {
            report = Audit.run(session, catalog, session.clock());
            zone = session.clock().getZone();
        }
        Locale locale = texts().locale();
        if (csv != null) {
            AuditCsv.write(csv, report, zone, locale);
            err().println(texts().get("msg.auditCsv", csv, report.flagCount()));
        }
        if (json.json) {
            Json.print(out(), g -> AuditJson.write(g, report, zone, locale));
        } else {
            print(report, zone, locale);
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Refused before the master password is asked: a CSV target that cannot be written. */
    private void checkCsvTarget() {
        Path target = csv.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UsageError(texts().get("err.csvIsFolder", csv));
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new UsageError(texts().get("err.csvNoFolder", csv));
        }
        // a device, FIFO or socket: the same check the writing makes
        AtomicFiles.checkTarget(csv);
    }

    private void print(AuditReport report, ZoneId zone, Locale locale) {
        for (AuditEntry entry : report.entries()) {
            out().println(texts().get(
                            "audit.account",
                            entry.address().value(),
                            entry.provider().name(locale)));
            for (AuditFlag flag : entry.flags()) {
                out().println(texts().get(
                                "audit.flag",
                                AuditTexts.label(flag.code(), locale),
                                AuditTexts.describe(entry, flag, zone, locale)));
                out().println(texts().get("audit.next", AuditTexts.nextStep(flag, locale)));
            }
            out().println();
        }
        out().println(AuditTexts.summary(report, locale));
    }
}
