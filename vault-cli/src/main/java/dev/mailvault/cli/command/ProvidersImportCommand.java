package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.provider.AutoconfigRefusedException;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.provider.ProviderImport;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vault providers import FILE.xml}: adds (or replaces) a catalog entry from a Thunderbird
 * autoconfig file, in the user's own provider file. The entry is always marked unconfirmed. A file
 * that does not read is refused and nothing is written. Displacing a built-in provider (its id, or
 * a domain it serves) is allowed, as the design says, but always warned of, on every import.
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
        } catch (AutoconfigRefusedException e) {
            // the core says why the file does not read, in the run's language
            throw new UsageError(texts().get("err.providerImport", xml, e.message(texts().locale())));
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
        String imap = imported.imap().orElseThrow().endpoint().host();
        String smtp = imported.smtp().orElseThrow().endpoint().host();
        Set<String> toldOf = new HashSet<>();
        for (ProviderImport.BuiltInTakeover taken : ProviderImport.builtInTakenOver(imported)) {
            Provider builtIn = taken.builtIn();
            String domains = String.join(", ", taken.domains());
            toldOf.addAll(taken.domains());
            String key = !taken.replacesEntry()
                    ? "warn.providerTakesOverBuiltIn"
                    : builtIn.isGeneric() ? "warn.providerReplacesGeneric" : "warn.providerReplacesBuiltIn";
            err().println(texts().get(
                            key, builtIn.id(), builtIn.name(locale), domains, imap, smtp, overrides, imported.id()));
        }
        ProviderImport.takenOver(before, imported).entrySet().stream()
                .filter(e -> !toldOf.contains(e.getKey()))
                .forEach(e -> err().println(texts().get(
                                "warn.providerTakesOver",
                                e.getKey(),
                                e.getValue().id(),
                                e.getValue().name(locale),
                                imap,
                                overrides)));
        imported.unconfirmedNotice(locale).ifPresent(n -> err().println(texts().get("warn.note", n)));
        return ExitCodes.OK;
    }
}
