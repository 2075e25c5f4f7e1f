package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceNames;
import dev.mailvault.core.devices.DeviceType;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault device add NAME --type TYPE --uses ADDRESS[,…]}: registers a device holding the
 * current IMAP and SMTP passwords of those accounts, so that after a rotation it is listed as
 * needing the new value.
 */
@Command(name = "add")
public final class DeviceAddCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.deviceName")
    private String nameText;

    @Option(
            names = "--type",
            required = true,
            paramLabel = "TYPE",
            completionCandidates = Completions.DeviceTypes.class)
    private String typeText;

    @Option(names = "--uses", required = true, split = ",", paramLabel = "ADDRESS")
    private List<String> usesText;

    @Override
    public Integer call() {
        String name = Devices.newName(nameText, texts());
        DeviceType type = Devices.type(typeText, texts());
        List<Address> uses = usesText.stream().map(this::address).distinct().toList();
        DeviceInfo added;
        try (VaultSession session = unlock()) {
            for (Address address : uses) {
                account(session, address);
            }
            if (session.devices().stream().anyMatch(d -> DeviceNames.same(d.name(), name))) {
                throw new UsageError(texts().get("err.deviceExists", name));
            }
            added = session.addDevice(name, type, uses);
        }
        out().println(texts().get(
                        "msg.deviceAdded",
                        added.name(),
                        Devices.typeName(added.type(), texts()),
                        Devices.joined(uses),
                        added.uses().size()));
        return ExitCodes.OK;
    }
}
