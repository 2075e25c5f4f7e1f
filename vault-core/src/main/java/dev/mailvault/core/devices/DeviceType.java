package dev.mailvault.core.devices;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** Where a person typed a mail password in. Each type has its own re-entry steps. */
public enum DeviceType {
    IPHONE("iphone"),
    ANDROID("android"),
    OUTLOOK_WINDOWS("outlook-windows"),
    WINDOWS_MAIL("windows-mail"),
    THUNDERBIRD("thunderbird"),
    MACOS_MAIL("macos-mail"),
    OTHER("other");

    private final String id;

    DeviceType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DeviceType parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (DeviceType type : values()) {
            if (type.id.equals(t)) {
                return type;
            }
        }
        throw new BadInputException("unknown device type '" + text
                + "' (allowed: iphone, android, outlook-windows, windows-mail, thunderbird, macos-mail, other)");
    }
}
