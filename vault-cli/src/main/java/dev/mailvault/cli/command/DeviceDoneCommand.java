package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceInfo;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vault device done NAME [ADDRESS]}: the new password has been typed into the device (for
 * every account it uses, or only ADDRESS). Says what the device still waits for, if anything.
 */
@Command(name = "done")
public final class DeviceDoneCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.deviceName")
    private String nameText;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDRESS", descriptionKey = "vault.device.done.address")
    private String addressText;

    @Override
    public Integer call() {
        Optional<Address> only = Optional.ofNullable(addressText).map(this::address);
        DeviceInfo after;
        try (VaultSession session = unlock()) {
            DeviceInfo device = Devices.find(session, nameText, texts());
            if (only.isPresent()) {
                Address address = only.get();
                account(session, address);
                if (device.uses().stream().noneMatch(u -> u.account().compareTo(address) == 0)) {
                    throw new UsageError(texts().get("err.deviceNotUsing", device.name(), address));
                }
            }
            session.markDeviceDone(device.name(), only);
            after = Devices.find(session, device.name(), texts());
        }
        out().println(
                        only.isPresent()
                                ? texts().get("msg.deviceDoneFor", after.name(), only.get())
                                : texts().get("msg.deviceDone", after.name()));
        if (after.stale()) {
            out().println(texts().get(
                            "msg.deviceStillStale",
                            after.name(),
                            Devices.joined(after.uses().stream()
                                    .filter(DeviceInfo.Use::needsReentry)
                                    .map(DeviceInfo.Use::account)
                                    .distinct()
                                    .toList())));
        }
        return ExitCodes.OK;
    }
}
