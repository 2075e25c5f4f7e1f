package dev.mailvault.core.devices;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code vault devices --stale} shows: each device use that needs the new value typed in. */
public final class StaleDevices {

    /**
     * One credential on one device that still holds an older value; {@code receivedAt} is when the
     * device last got a value; {@code steps} say how to enter the new one there.
     */
    public record Entry(
            DeviceInfo device, Address account, CredentialRef credential, Instant receivedAt, List<String> steps) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(
                    (Entry e) -> e.device().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(e -> e.device().name())
            .thenComparing(Entry::account)
            .thenComparing(e -> e.credential().toString());

    private StaleDevices() {}

    /**
     * Every use that needs re-entry, optionally only for one account, ordered by device name, then
     * account, then credential. The steps of a use are those for all of that device's stale
     * passwords of the same account, so they name only the passwords that changed ({@code accounts}
     * says which accounts use one password for IMAP and SMTP).
     */
    public static List<Entry> list(
            List<DeviceInfo> devices, List<AccountSpec> accounts, Optional<Address> account, Locale locale) {
        List<Entry> entries = new ArrayList<>();
        for (DeviceInfo device : devices) {
            for (DeviceInfo.Use use : device.uses()) {
                if (use.needsReentry()
                        && account.map(a -> a.compareTo(use.account()) == 0).orElse(true)) {
                    List<String> steps = accounts.stream()
                            .filter(a -> a.address().compareTo(use.account()) == 0)
                            .findFirst()
                            .map(spec -> ReentrySteps.forDevice(device, spec, locale))
                            .orElseGet(() ->
                                    ReentrySteps.forType(device.type(), use.account(), ReentryScope.BOTH, locale));
                    entries.add(new Entry(device, use.account(), use.credential(), use.receivedAt(), steps));
                }
            }
        }
        entries.sort(ORDER);
        return List.copyOf(entries);
    }
}
