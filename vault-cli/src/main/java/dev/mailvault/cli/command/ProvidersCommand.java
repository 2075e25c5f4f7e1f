package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.provider.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vault providers}: the provider catalog (built in, with the user's own entries merged in)
 * as a table; {@code --json} prints it in the form of {@code providers.json}.
 */
@Command(name = "providers", subcommands = ProvidersImportCommand.class)
public final class ProvidersCommand extends VaultSubcommand {
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        ProviderCatalog catalog = catalog();
        if (json.json) {
            String text = new String(catalog.toJson(), StandardCharsets.UTF_8);
            out().print(text);
            if (!text.endsWith("\n")) {
                out().println();
            }
            out().flush();
            return ExitCodes.OK;
        }
        Texts t = texts();
        Locale locale = t.locale();
        Table table = new Table(
                t.get("col.id"),
                t.get("col.name"),
                "IMAP",
                "SMTP",
                t.get("col.password"),
                t.get("col.confirmed"),
                t.get("col.domains"));
        List<String> notices = new ArrayList<>();
        for (Provider p : catalog.all()) {
            table.row(
                    p.id(),
                    p.name(locale),
                    server(p.imap()),
                    server(p.smtp()),
                    t.get("show.pwKind." + p.passwordKind().id()),
                    p.confirmed() ? t.get("show.confirmedYes") : t.get("show.confirmedNo"),
                    // last: the one column of varying length, so the others stay narrow
                    p.domains().isEmpty() ? "-" : String.join(", ", p.domains()));
            p.unconfirmedNotice(locale).ifPresent(notices::add);
        }
        table.print(out());
        if (!notices.isEmpty()) {
            out().println();
            notices.forEach(out()::println);
        }
        Path overrides = overridesFile();
        if (Files.exists(overrides)) {
            out().println();
            out().println(t.get("msg.providerOverrides", overrides));
        }
        return ExitCodes.OK;
    }

    private static String server(Optional<ServerSettings> settings) {
        return settings.map(s -> s.endpoint().toString()).orElse("-");
    }

    /** Where the user's own entries are kept (see {@link ProviderCatalog#overridesFile}). */
    Path overridesFile() {
        return ProviderCatalog.overridesFile(
                context().env(), VaultService.home(context().env()));
    }
}
