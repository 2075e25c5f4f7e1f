package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.devices.DeviceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vault device remove NAME}: forgets a device; asks first at a terminal, a script must say {@code --yes}. */
@Command(name = "remove")
public final class DeviceRemoveCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.deviceName")
    private String nameText;

    @Option(names = "--yes")
    private boolean yes;

    @Override
    public Integer call() {
        if (!yes && !context().terminal().interactive()) {
            throw new UsageError(texts().get("err.deviceRemoveNeedsYes", nameText.strip()));
        }
        String name;
        try (VaultSession session = unlock()) {
            DeviceInfo device = Devices.find(session, nameText, texts());
            name = device.name();
            if (!yes && !Confirm.ask(context().terminal(), texts().get("prompt.deviceRemove", name))) {
                out().println(texts().get("msg.deviceKept", name));
                return ExitCodes.OK;
            }
            session.removeDevice(name);
        }
        out().println(texts().get("msg.deviceRemoved", name));
        return ExitCodes.OK;
    }
}
