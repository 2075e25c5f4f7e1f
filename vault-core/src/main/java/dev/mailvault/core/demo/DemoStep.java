package dev.mailvault.core.demo;

import dev.mailvault.core.demo.Demo.Role;
import java.util.List;
import java.util.Locale;

/**
 * The guided tour of {@code vault demo}, in order: each step is one real {@code vault} command
 * with a short explanation before it. The adapter runs the command the way a user would and shows
 * its real output.
 */
public enum DemoStep {
    /** Every account is checked: five log in, the Yahoo! JAPAN one fails, SoftBank's new value is not set yet. */
    VERIFY_ALL(true),
    /** The new SoftBank password is set at the provider; verifying the account promotes it. */
    ROTATION(true),
    /** The devices that still hold the old SoftBank password, with the steps for each. */
    DEVICES_STALE(true),
    /** Counts of passwords due for a change, without the master password. */
    REMIND(false),
    /** The same, named. */
    REMIND_DETAILS(true),
    /** Why the Yahoo! JAPAN login fails, without touching the network. */
    DOCTOR(true);

    private final boolean unlocks;

    DemoStep(boolean unlocks) {
        this.unlocks = unlocks;
    }

    /** The command's arguments, without global options: for example {@code verify --all}. */
    public List<String> arguments(Demo demo) {
        return switch (this) {
            case VERIFY_ALL -> List.of("verify", "--all");
            case ROTATION -> List.of("verify", demo.account(Role.ROTATION).value());
            case DEVICES_STALE -> List.of("devices", "--stale");
            case REMIND -> List.of("remind");
            case REMIND_DETAILS -> List.of("remind", "--details");
            case DOCTOR -> List.of("doctor", demo.account(Role.WRONG_PASSWORD).value());
        };
    }

    /** Whether the command opens the vault (and so needs the master password). */
    public boolean unlocks() {
        return unlocks;
    }

    /** What happens in the world before the command runs: for a rotation, the change at the provider. */
    public void prepare(Demo demo) {
        if (this == ROTATION) {
            demo.changePasswordAtProvider();
        }
    }

    /** The explanation shown before the step, in Japanese for a Japanese locale, else English. */
    public String explanation(Locale locale) {
        return DemoTexts.get(locale, "step." + name());
    }
}
