package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceNames;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.devices.ReentrySteps;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the device commands share: device types and names read from the command line, in the user's words. */
final class Devices {
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}._@+-]+");

    private Devices() {}

    static DeviceType type(String text, Texts texts) {
        try {
            return DeviceType.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts.get("err.deviceType", text, typeIds()));
        }
    }

    static String typeIds() {
        return Arrays.stream(DeviceType.values()).map(DeviceType::id).collect(Collectors.joining(", "));
    }

    static String typeName(DeviceType type, Texts texts) {
        return ReentrySteps.typeName(type, texts.locale());
    }

    /** A new device's name as the core stores it, or refused in the user's words by the core's rule. */
    static String newName(String text, Texts texts) {
        try {
            return DeviceNames.check(text);
        } catch (BadInputException e) {
            throw new UsageError(texts.get("err.deviceName", DeviceNames.MAX_LENGTH));
        }
    }

    /** The registered device with this name (the core's rule: without regard to case). */
    static DeviceInfo find(VaultSession session, String name, Texts texts) {
        List<DeviceInfo> devices = session.devices();
        return devices.stream()
                .filter(d -> DeviceNames.same(d.name(), name))
                .findFirst()
                .orElseThrow(() -> new UsageError(
                        devices.isEmpty()
                                ? texts.get("err.noDevices", name)
                                : texts.get(
                                        "err.noSuchDevice",
                                        name,
                                        devices.stream().map(DeviceInfo::name).collect(Collectors.joining(", ")))));
    }

    static String joined(List<Address> addresses) {
        return addresses.stream().map(Address::value).collect(Collectors.joining(", "));
    }

    /** The name as one shell word, so a printed command can be pasted as it is. */
    static String shellWord(String name) {
        return PLAIN_WORD.matcher(name).matches() ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
