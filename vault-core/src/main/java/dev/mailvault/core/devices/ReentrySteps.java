package dev.mailvault.core.devices;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How to type a changed password into each kind of device, in Japanese or English, from this
 * package's {@code steps} bundle, for the IMAP password, the SMTP password or both ({@link
 * ReentryScope}). The menu names are the ones the device shows in that language.
 */
public final class ReentrySteps {
    private static final String BUNDLE = "dev.mailvault.core.devices.steps";
    private static final String ACCOUNT = "{account}";

    private ReentrySteps() {}

    /**
     * The steps in order for entering the passwords {@code scope} names on this kind of device, with
     * the account's address filled in.
     */
    public static List<String> forType(DeviceType type, Address account, ReentryScope scope, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String prefix = type.id() + "." + scope.id() + ".";
        List<String> steps = new ArrayList<>();
        for (int n = 1; bundle.containsKey(prefix + n); n++) {
            steps.add(bundle.getString(prefix + n).replace(ACCOUNT, account.value()));
        }
        return List.copyOf(steps);
    }

    /** The steps for what {@code device} needs typed in for {@code account} (see {@link ReentryScope#of(DeviceInfo, AccountSpec)}). */
    public static List<String> forDevice(DeviceInfo device, AccountSpec account, Locale locale) {
        return forType(device.type(), account.address(), ReentryScope.of(device, account), locale);
    }

    /** The name users know the device type by, for example "Windows メール(Windows 10/11)". */
    public static String typeName(DeviceType type, Locale locale) {
        return bundle(locale).getString(type.id() + ".name");
    }

    private static ResourceBundle bundle(Locale locale) {
        // without the no-fallback control, English on a Japanese machine would come out in Japanese
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
