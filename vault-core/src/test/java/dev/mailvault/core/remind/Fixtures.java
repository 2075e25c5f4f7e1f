package dev.mailvault.core.remind;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small builders for accounts and clocks used by the reminder tests. */
final class Fixtures {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private Fixtures() {}

    /** A clock fixed at noon UTC of {@code date}, far from any midnight in UTC. */
    static Clock utcNoon(LocalDate date) {
        return Clock.fixed(date.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static Instant utcNoonInstant(LocalDate date) {
        return date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static CredentialInfo credential(CredentialRef ref, Instant changedAt, RotationPolicy policy) {
        return new CredentialInfo(1, ref, changedAt, policy, Optional.empty(), false, false, 0);
    }

    static AccountInfo account(String address, CredentialInfo... credentials) {
        AccountSpec spec = new AccountSpec(
                Address.of(address),
                "",
                "generic",
                Endpoint.parse("imap.example.com:993"),
                Endpoint.parse("smtp.example.com:465"),
                null,
                null,
                true,
                null,
                null,
                RotationPolicy.DEFAULT);
        return new AccountInfo(1, spec, Instant.EPOCH, new ArrayList<>(List.of(credentials)), null, null, List.of(), 0);
    }
}
