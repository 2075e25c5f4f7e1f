package dev.mailvault.core.doctor;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds accounts, checks and devices the way the vault would hand them to the doctor. */
final class DoctorFixtures {
    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));
    static final ProviderCatalog CATALOG = ProviderCatalog.builtIn();

    private DoctorFixtures() {}

    static Secret secret(String value) {
        return Secret.copyOf(value.toCharArray());
    }

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** An account of the provider's domain using the catalog's servers. */
    static final class AccountBuilder {
        private final Provider provider;
        private final Address address;
        private boolean smtpSameAsImap = true;
        private Instant changedAt = daysAgo(200);
        private Optional<Instant> pendingSince = Optional.empty();
        private int historySize = 1;
        private boolean promotedUnverified;
        private Endpoint imap;
        private Endpoint smtp;

        AccountBuilder(String providerId, String address) {
            this.provider = CATALOG.byId(providerId);
            this.address = Address.of(address);
            this.imap = provider.imap().map(s -> s.endpoint()).orElse(Endpoint.parse("imap.example.org:993"));
            this.smtp = provider.smtp().map(s -> s.endpoint()).orElse(Endpoint.parse("smtp.example.org:465"));
        }

        AccountBuilder separateSmtp() {
            smtpSameAsImap = false;
            return this;
        }

        AccountBuilder changed(Instant at, int history) {
            changedAt = at;
            historySize = history;
            return this;
        }

        /** A new value pending since {@code at} for the IMAP credential and a separate SMTP one. */
        AccountBuilder pendingSince(Instant at) {
            pendingSince = Optional.of(at);
            return this;
        }

        /** The last change was a rotation the user promoted without a successful check. */
        AccountBuilder promotedUnverified() {
            promotedUnverified = true;
            return this;
        }

        AccountBuilder imap(String endpoint) {
            imap = Endpoint.parse(endpoint);
            return this;
        }

        Provider provider() {
            return provider;
        }

        AccountInfo build() {
            AccountSpec spec = new AccountSpec(
                    address,
                    "Taro",
                    provider.id(),
                    imap,
                    smtp,
                    null,
                    null,
                    smtpSameAsImap,
                    null,
                    null,
                    RotationPolicy.DEFAULT);
            List<CredentialInfo> credentials = new ArrayList<>();
            credentials.add(new CredentialInfo(
                    1,
                    CredentialRef.IMAP,
                    changedAt,
                    RotationPolicy.DEFAULT,
                    pendingSince,
                    false,
                    promotedUnverified,
                    historySize));
            if (!smtpSameAsImap) {
                credentials.add(new CredentialInfo(
                        2, CredentialRef.SMTP, changedAt, RotationPolicy.DEFAULT, pendingSince, false, false, 0));
            }
            credentials.add(new CredentialInfo(
                    3, CredentialRef.PORTAL, daysAgo(400), RotationPolicy.NEVER, Optional.empty(), false, false, 0));
            return new AccountInfo(7, spec, daysAgo(500), credentials, "", "", List.of(), 0);
        }
    }

    static CheckResult check(Protocol protocol, Outcome outcome, Instant at) {
        return check(protocol, Slot.CURRENT, outcome, at, "");
    }

    static CheckResult check(Protocol protocol, Slot slot, Outcome outcome, Instant at, String message) {
        String host = protocol == Protocol.IMAP ? "imap.example.net" : "smtp.example.net";
        int port = protocol == Protocol.IMAP ? 993 : 465;
        return new CheckResult(protocol, slot, outcome, host, port, "", message, "", 120, at);
    }

    static DeviceInfo device(String name, DeviceType type, Address account, boolean needsReentry) {
        return new DeviceInfo(
                name.length(),
                name,
                type,
                daysAgo(300),
                List.of(new DeviceInfo.Use(account, CredentialRef.IMAP, daysAgo(100), needsReentry)));
    }
}
