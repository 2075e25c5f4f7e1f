package dev.mailvault.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A line of the accounts table")
class AccountRowTest {
    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    private static final PasswordAge AGES = new PasswordAge(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));

    private static AccountInfo account(Optional<Instant> pendingSince, List<CheckResult> checks) {
        AccountSpec spec = new AccountSpec(
                Address.of("taro@example.jp"),
                "",
                "generic",
                Endpoint.parse("imap.example.jp:993"),
                Endpoint.parse("smtp.example.jp:465"),
                null,
                null,
                true,
                null,
                null,
                RotationPolicy.DEFAULT);
        CredentialInfo imap =
                new CredentialInfo(1, CredentialRef.IMAP, T0, RotationPolicy.DEFAULT, pendingSince, false, false, 0);
        return new AccountInfo(1, spec, T0, List.of(imap), null, null, checks, 0);
    }

    private static CheckResult check(Slot slot, Outcome outcome, Instant at) {
        return new CheckResult(Protocol.IMAP, slot, outcome, "imap.example.jp", 993, "", "", "", 100, at);
    }

    @Test
    @DisplayName("shows the current value's check, not a newer failed one of a new value that was dropped")
    void abandonedRotation() {
        CheckResult current = check(Slot.CURRENT, Outcome.OK, T0.plusSeconds(60));
        CheckResult dropped = check(Slot.PENDING, Outcome.AUTH_FAILED, T0.plusSeconds(120));

        AccountRow afterAbandon = AccountRow.of(account(Optional.empty(), List.of(current, dropped)), "Generic", AGES);
        assertThat(afterAbandon.lastCheck()).contains(current);

        AccountRow whilePending =
                AccountRow.of(account(Optional.of(T0.plusSeconds(90)), List.of(current, dropped)), "Generic", AGES);
        assertThat(whilePending.lastCheck())
                .as("the new value is still pending")
                .contains(dropped);
    }
}
