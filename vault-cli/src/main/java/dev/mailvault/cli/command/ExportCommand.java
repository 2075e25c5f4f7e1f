package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.transfer.ExportFormat;
import dev.mailvault.core.transfer.ExportResult;
import dev.mailvault.core.transfer.Exporter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault export --format backup|keepassxc-csv FILE}: an encrypted backup, or every password in
 * plain text for KeePassXC. The plaintext export must be confirmed (at a terminal a {@code [y/N]}
 * question, otherwise {@code --yes}) and needs the master password a second time. A file is never
 * overwritten.
 */
@Command(name = "export")
public final class ExportCommand extends VaultSubcommand {
    @Option(
            names = "--format",
            required = true,
            paramLabel = "backup|keepassxc-csv",
            completionCandidates = Completions.ExportFormats.class)
    private String formatText;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "vault.export.file")
    private Path fileText;

    @Option(names = "--yes")
    private boolean yes;

    @Override
    public Integer call() {
        ExportFormat format = format(formatText);
        Path target = fileText.toAbsolutePath();
        // refused before any password is asked
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageError(texts().get("err.exportExists", target));
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new UsageError(texts().get("err.exportFolder", target.getParent()));
        }
        ExportResult result;
        if (format.isPlaintext()) {
            boolean terminal = context().terminal().interactive();
            if (!terminal && !yes) {
                throw new UsageError(texts().get("err.exportNeedsYes", target));
            }
            if (terminal && !yes && !Confirm.ask(context().terminal(), texts().get("prompt.exportPlaintext", target))) {
                out().println(texts().get("msg.exportCancelled"));
                return ExitCodes.OK;
            }
            try (VaultSession session = unlockForPlaintext(texts().get("prompt.masterAgainExport"))) {
                result = Exporter.export(session, format, target);
            }
            out().println(texts().get("msg.exportedPlaintext", result.credentials(), result.accounts(), target));
            err().println(texts().get("warn.plaintextFile", target));
        } else {
            try (VaultSession session = unlock()) {
                result = Exporter.export(session, format, target);
            }
            out().println(texts().get("msg.exportedBackup", result.accounts(), target));
        }
        return ExitCodes.OK;
    }

    private ExportFormat format(String text) {
        try {
            return ExportFormat.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get(
                            "err.exportFormat",
                            text,
                            Arrays.stream(ExportFormat.values())
                                    .map(ExportFormat::id)
                                    .collect(Collectors.joining(", "))));
        }
    }
}
