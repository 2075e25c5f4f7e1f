package dev.mailvault.core.devices;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** What a device may be called; the vault refuses any other name, and adapters ask here first to word it. */
public final class DeviceNames {
    public static final int MAX_LENGTH = 100;

    private DeviceNames() {}

    /** The name as it is stored (surrounding spaces dropped), or refused: 1 to 100 printable characters. */
    public static String check(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("a device name must be 1 to 100 printable characters");
        }
        return clean;
    }

    /** Whether two names are the same device's: the vault compares them without regard to case. */
    public static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
