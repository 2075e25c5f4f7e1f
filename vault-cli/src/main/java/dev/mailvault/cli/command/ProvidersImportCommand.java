package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.provider.ProviderImport;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vault providers import FILE.xml}: adds (or replaces) a catalog entry from a Thunderbird
 * autoconfig file, in the user's own provider file. The entry is always marked unconfirmed. A file
 * that does not read is refused and nothing is written.
 */
@Command(name = "import")
public final class ProvidersImportCommand extends VaultSubcommand {
    @ParentCommand
    private ProvidersCommand parent;

    @Parameters(index = "0", paramLabel = "FILE.xml", descriptionKey = "param.autoconfig")
    private Path xml;

    @Override
    public Integer call() {
        Path overrides = parent.overridesFile();
        // the catalog as it is now: reading it also refuses a broken overrides file before anything is written
        ProviderCatalog before = catalog();
        Provider imported;
        try {
            imported = ProviderImport.fromAutoconfig(xml, context().service().clock());
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.providerImport", xml, e.getMessage()));
        }
        // a provider file that cannot be written says so itself ("cannot write FILE: permission denied")
        ProviderImport.saveOverride(imported, overrides);
        boolean replaced = before.all().stream().anyMatch(p -> p.id().equals(imported.id()));
        Locale locale = texts().locale();
        out().println(texts().get(
                        replaced ? "msg.providerReplaced" : "msg.providerImported",
                        imported.id(),
                        imported.name(locale),
                        String.join(", ", imported.domains()),
                        imported.imap().orElseThrow().endpoint(),
                        imported.smtp().orElseThrow().endpoint(),
                        overrides));
        ProviderImport.takenOver(before, imported)
                .forEach((domain, previous) -> err().println(texts().get(
                                "warn.providerTakesOver",
                                domain,
                                previous.id(),
                                previous.name(locale),
                                imported.imap().orElseThrow().endpoint().host(),
                                overrides)));
        imported.unconfirmedNotice(locale).ifPresent(n -> err().println(texts().get("warn.note", n)));
        return ExitCodes.OK;
    }
}
