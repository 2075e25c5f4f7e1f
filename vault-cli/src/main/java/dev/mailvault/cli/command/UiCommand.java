package dev.mailvault.cli.command;

import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import picocli.CommandLine.Command;

/**
 * {@code vault ui}: the {@code ./vault} launcher starts the desktop app itself (it needs the
 * vault-ui class path). This command is reached only outside the launcher, so it lists the command
 * in the help and says how to start the app.
 */
@Command(name = "ui")
public final class UiCommand extends VaultSubcommand {
    @Override
    public Integer call() {
        String launcher = context().env().get(RemindCommand.LAUNCHER_VARIABLE);
        throw new UsageError(
                launcher == null || launcher.isBlank()
                        ? texts().get("err.uiNeedsLauncher")
                        : texts().get("err.uiThroughLauncher", launcher));
    }
}
