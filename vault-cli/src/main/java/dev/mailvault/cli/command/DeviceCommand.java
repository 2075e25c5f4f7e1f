package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.VaultSubcommand;
import picocli.CommandLine.Command;

/** {@code vault device add|done|remove}: register a device, mark re-entry done, forget it. */
@Command(
        name = "device",
        subcommands = {DeviceAddCommand.class, DeviceDoneCommand.class, DeviceRemoveCommand.class})
public final class DeviceCommand extends VaultSubcommand {
    @Override
    public Integer call() {
        // "vault device" alone is a usage error: show the three things it does
        spec.commandLine().usage(err());
        return ExitCodes.USAGE;
    }
}
