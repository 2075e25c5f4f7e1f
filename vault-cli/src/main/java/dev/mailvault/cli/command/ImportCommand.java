package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.ImportFormat;
import dev.mailvault.core.transfer.ImportPlan;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportReport;
import dev.mailvault.core.transfer.Imported;
import dev.mailvault.core.transfer.Importer;
import dev.mailvault.core.transfer.PasswordSource;
import dev.mailvault.core.transfer.ServerLookup;
import dev.mailvault.core.transfer.Skipped;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault import FILE --format F}: adds the mail accounts of a KeePassXC CSV, a Bitwarden JSON
 * export or a Thunderbird profile. The whole file is read and checked before the master password is
 * asked; a file that does not read is refused with its line or item, and nothing is written. All
 * accounts are added in one transaction.
 */
@Command(name = "import")
public final class ImportCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "vault.import.file")
    private Path file;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "keepassxc-csv|bitwarden-json|thunderbird",
            completionCandidates = Completions.ImportFormats.class)
    private String formatText;

    @Override
    public Integer call() {
        ImportFormat format = format(formatText);
        ImportReport report;
        try (ImportPlan plan = read(format)) {
            try (VaultSession session = unlock()) {
                if (plan.needsPasswords() && context().terminal().interactive()) {
                    err().println(texts().get("msg.importAsksPasswords"));
                }
                report = plan.apply(session, passwords());
            }
        }
        print(report);
        return ExitCodes.OK;
    }

    private ImportFormat format(String text) {
        try {
            return ImportFormat.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get(
                            "err.importFormat",
                            text,
                            Arrays.stream(ImportFormat.values())
                                    .map(ImportFormat::id)
                                    .collect(Collectors.joining(", "))));
        }
    }

    private ImportPlan read(ImportFormat format) {
        try {
            return new Importer(ServerLookup.of(catalog())).read(file, format);
        } catch (ImportRefusedException e) {
            // the core names the line, item or account that did not read, in the run's language
            throw new UsageError(texts().get("err.importFile", file, e.message(texts().locale())));
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.importFile", file, e.getMessage()));
        }
    }

    /**
     * The passwords a Thunderbird profile does not hold: asked without echo at a terminal, else one
     * line of standard input each. An empty entry skips that account.
     */
    private PasswordSource passwords() {
        return (account, ref) -> secrets().readOptional(what(account.address(), ref));
    }

    private String what(Address address, CredentialRef ref) {
        return switch (ref.kind()) {
            case IMAP -> texts().get("what.imapPassword", address);
            case SMTP -> texts().get("what.smtpPassword", address);
            case APP -> texts().get("what.appPassword", ref.label(), address);
            case PORTAL -> texts().get("what.portalPassword", address);
        };
    }

    private void print(ImportReport report) {
        Texts t = texts();
        if (report.added().isEmpty()) {
            out().println(t.get("msg.importedNone", file));
        } else {
            out().println(t.get("msg.imported", report.added().size(), file));
            Table added = new Table(t.get("col.address"), t.get("col.where"), t.get("col.passwords")).indent(2);
            for (Imported a : report.added()) {
                added.row(
                        a.address().value(),
                        EntrySource.label(a.source(), t.locale()),
                        a.credentials().stream().map(CredentialRef::toString).collect(Collectors.joining(", ")));
            }
            added.print(out());
        }
        if (!report.skipped().isEmpty()) {
            out().println(t.get("msg.importSkipped", report.skipped().size()));
            Table skipped = new Table(t.get("col.where"), t.get("col.entry"), t.get("col.reason")).indent(2);
            for (Skipped s : report.skipped()) {
                skipped.row(
                        EntrySource.label(s.source(), t.locale()),
                        s.entry().isEmpty() ? "-" : s.entry(),
                        s.message(t.locale()));
            }
            skipped.print(out());
        }
    }
}
