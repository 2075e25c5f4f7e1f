package dev.mailvault.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
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

    /** Alice has one password for IMAP and SMTP (as far as the steps go), Bob too. */
    private static final List<AccountSpec> SHARED = List.of(spec(ALICE, true), spec(BOB, true));

    /** An account of {@code address} at example.org, with one password for both or one each. */
    static AccountSpec spec(Address address, boolean smtpSameAsImap) {
        return new AccountSpec(
                address,
                "",
                "generic",
                Endpoint.parse("imap.example.org:993"),
                Endpoint.parse("smtp.example.org:465"),
                null,
                null,
                smtpSameAsImap,
                null,
                null,
                null);
    }

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
                StaleDevices.list(List.of(iphone, laptop, tablet), SHARED, Optional.empty(), Locale.ENGLISH);
        assertThat(entries)
                .extracting(e -> e.device().name() + " " + e.account() + " " + e.credential())
                .containsExactly(
                        "desk PC bob@example.com imap",
                        "iPhone 15 alice@docomo.ne.jp imap",
                        "iPhone 15 alice@docomo.ne.jp smtp");
        StaleDevices.Entry first = entries.get(0);
        assertThat(first.receivedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(first.steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.THUNDERBIRD, BOB, ReentryScope.BOTH, Locale.ENGLISH));
        assertThat(entries.get(1).steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.IPHONE, ALICE, ReentryScope.BOTH, Locale.ENGLISH));
    }

    @Test
    @DisplayName("keeps only one account's uses when an address is given, whatever its case")
    void filtersByAddress() {
        List<StaleDevices.Entry> entries = StaleDevices.list(
                List.of(iphone, laptop, tablet), SHARED, Optional.of(Address.of("BOB@Example.com")), Locale.JAPANESE);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).device().name()).isEqualTo("desk PC");
        assertThat(entries.get(0).steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.THUNDERBIRD, BOB, ReentryScope.BOTH, Locale.JAPANESE));
    }

    @Test
    @DisplayName("with separate IMAP and SMTP passwords, the steps of a device name only the stale ones")
    void stepsForTheStalePasswordsOnly() {
        DeviceInfo phone = new DeviceInfo(
                4,
                "Phone",
                DeviceType.ANDROID,
                T,
                List.of(
                        new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, true),
                        new DeviceInfo.Use(ALICE, CredentialRef.SMTP, T, false),
                        new DeviceInfo.Use(BOB, CredentialRef.SMTP, T, true)));
        List<AccountSpec> separate = List.of(spec(ALICE, false), spec(BOB, false));
        List<StaleDevices.Entry> entries =
                StaleDevices.list(List.of(phone), separate, Optional.empty(), Locale.ENGLISH);
        assertThat(entries)
                .extracting(e -> e.account() + " " + e.credential())
                .containsExactly("alice@docomo.ne.jp imap", "bob@example.com smtp");
        assertThat(entries.get(0).steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.ANDROID, ALICE, ReentryScope.IMAP_ONLY, Locale.ENGLISH));
        assertThat(entries.get(1).steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.ANDROID, BOB, ReentryScope.SMTP_ONLY, Locale.ENGLISH));
        // the same IMAP-only use, when the account has one password for both servers, needs both replaced
        assertThat(StaleDevices.list(List.of(phone), SHARED, Optional.of(ALICE), Locale.ENGLISH)
                        .get(0)
                        .steps())
                .isEqualTo(ReentrySteps.forType(DeviceType.ANDROID, ALICE, ReentryScope.BOTH, Locale.ENGLISH));
    }

    @Test
    @DisplayName("is empty when every device has the current values")
    void nothingStale() {
        assertThat(StaleDevices.list(List.of(tablet), SHARED, Optional.empty(), Locale.ENGLISH))
                .isEmpty();
        assertThat(StaleDevices.list(List.of(iphone), SHARED, Optional.of(BOB), Locale.ENGLISH))
                .isEmpty();
    }
}
