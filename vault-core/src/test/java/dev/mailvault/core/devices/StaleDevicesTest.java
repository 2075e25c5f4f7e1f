package dev.mailvault.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stale devices")
class StaleDevicesTest {
    private static final Address ALICE = Address.of("alice@docomo.ne.jp");
    private static final Address BOB = Address.of("bob@example.com");
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private final DeviceInfo iphone = new DeviceInfo(
            1,
            "iPhone 15",
            DeviceType.IPHONE,
            T,
            List.of(
                    new DeviceInfo.Use(ALICE, CredentialRef.SMTP, T, true),
                    new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, true),
                    new DeviceInfo.Use(BOB, CredentialRef.IMAP, T, false)));
    private final DeviceInfo laptop = new DeviceInfo(
            2,
            "desk PC",
            DeviceType.THUNDERBIRD,
            T,
            List.of(new DeviceInfo.Use(BOB, CredentialRef.IMAP, T.plusSeconds(60), true)));
    private final DeviceInfo tablet = new DeviceInfo(
            3,
            "Android tablet",
            DeviceType.ANDROID,
            T,
            List.of(new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, false)));

    @Test
    @DisplayName("lists every use that needs re-entry, by device name, account and credential, with its steps")
    void listsStaleUses() {
        List<StaleDevices.Entry> entries =
                StaleDevices.list(List.of(iphone, laptop, tablet), Optional.empty(), Locale.ENGLISH);
        assertThat(entries)
                .extracting(e -> e.device().name() + " " + e.account() + " " + e.credential())
                .containsExactly(
                        "desk PC bob@example.com imap",
                        "iPhone 15 alice@docomo.ne.jp imap",
                        "iPhone 15 alice@docomo.ne.jp smtp");
        StaleDevices.Entry first = entries.get(0);
        assertThat(first.receivedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(first.steps()).isEqualTo(ReentrySteps.forType(DeviceType.THUNDERBIRD, BOB, Locale.ENGLISH));
        assertThat(entries.get(1).steps()).isEqualTo(ReentrySteps.forType(DeviceType.IPHONE, ALICE, Locale.ENGLISH));
    }

    @Test
    @DisplayName("keeps only one account's uses when an address is given, whatever its case")
    void filtersByAddress() {
        List<StaleDevices.Entry> entries = StaleDevices.list(
                List.of(iphone, laptop, tablet), Optional.of(Address.of("BOB@Example.com")), Locale.JAPANESE);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).device().name()).isEqualTo("desk PC");
        assertThat(entries.get(0).steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.THUNDERBIRD, BOB, Locale.JAPANESE));
    }

    @Test
    @DisplayName("is empty when every device has the current values")
    void nothingStale() {
        assertThat(StaleDevices.list(List.of(tablet), Optional.empty(), Locale.ENGLISH))
                .isEmpty();
        assertThat(StaleDevices.list(List.of(iphone), Optional.of(BOB), Locale.ENGLISH))
                .isEmpty();
    }
}
