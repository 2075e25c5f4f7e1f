package dev.mailvault.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which checks speak of values still in use")
class ChecksInUseTest {
    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    private static AccountInfo account(CredentialInfo imap, List<CheckResult> checks) {
        return new AccountInfo(1, TestVaults.spec("alice@example.net"), T0, List.of(imap), null, null, checks, 0);
    }

    private static CredentialInfo imap(Instant changedAt, Instant pendingSince, boolean unverified, int history) {
        return new CredentialInfo(
                1,
                CredentialRef.IMAP,
                changedAt,
                RotationPolicy.DEFAULT,
                Optional.ofNullable(pendingSince),
                false,
                unverified,
                history);
    }

    private static CheckResult check(Protocol protocol, Slot slot, Outcome outcome, Instant at) {
        return new CheckResult(protocol, slot, outcome, "imap.example.net", 993, "", "", "", 120, at);
    }

    @Test
    @DisplayName("checks of the current value always")
    void current() {
        CheckResult failed = check(Protocol.IMAP, Slot.CURRENT, Outcome.AUTH_FAILED, T0.plusSeconds(60));
        AccountInfo a = account(imap(T0, null, false, 0), List.of(failed));

        assertThat(a.checksOfValuesInUse(a.lastChecks())).containsExactly(failed);
    }

    @Test
    @DisplayName("a check of the value pending now, made since it was stored")
    void pendingNow() {
        Instant since = T0.plusSeconds(3600);
        CheckResult tried = check(Protocol.SMTP, Slot.PENDING, Outcome.AUTH_FAILED, since.plusSeconds(5));
        AccountInfo a = account(imap(T0, since, false, 0), List.of(tried));

        assertThat(a.checksOfValuesInUse(a.lastChecks())).containsExactly(tried);
    }

    @Test
    @DisplayName("not a check of an abandoned new value, nor of an earlier pending value")
    void abandonedOrEarlier() {
        CheckResult ofAbandoned = check(Protocol.IMAP, Slot.PENDING, Outcome.AUTH_FAILED, T0.plusSeconds(60));
        AccountInfo abandoned = account(imap(T0, null, false, 0), List.of(ofAbandoned));
        assertThat(abandoned.checksOfValuesInUse(abandoned.lastChecks())).isEmpty();

        AccountInfo pendingAgain = account(imap(T0, T0.plusSeconds(600), false, 0), List.of(ofAbandoned));
        assertThat(pendingAgain.checksOfValuesInUse(pendingAgain.lastChecks())).isEmpty();
    }

    @Test
    @DisplayName("the success that promoted today's value, as a check of the current value")
    void promoting() {
        Instant promoted = T0.plusSeconds(7200);
        CheckResult proof = check(Protocol.IMAP, Slot.PENDING, Outcome.OK, promoted.minusMillis(300));
        AccountInfo a = account(imap(promoted, null, false, 1), List.of(proof));

        assertThat(a.checksOfValuesInUse(a.lastChecks())).singleElement().satisfies(c -> {
            assertThat(c.credential()).isEqualTo(Slot.CURRENT);
            assertThat(c.outcome()).isEqualTo(Outcome.OK);
            assertThat(c.at()).isEqualTo(proof.at());
        });

        AccountInfo unverified = account(imap(promoted, null, true, 1), List.of(proof));
        assertThat(unverified.checksOfValuesInUse(unverified.lastChecks()))
                .as("promoted without a successful check: the check proved nothing")
                .isEmpty();
    }
}
