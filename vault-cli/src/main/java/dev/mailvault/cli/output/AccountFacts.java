package dev.mailvault.cli.output;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.verify.CheckResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code list} and {@code show} say about an account at a glance, computed once for the text
 * and the JSON form: the main password's age, the next due date by each credential's own policy,
 * and the newest check.
 */
public record AccountFacts(
        Instant passwordChangedAt,
        long passwordAgeDays,
        Optional<LocalDate> nextDueOn,
        boolean due,
        boolean rotationPending,
        Optional<CheckResult> lastCheck,
        Optional<CheckResult> failedCheck) {

    public static AccountFacts of(AccountInfo account, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Instant changed = account.imapCredential().changedAt();
        long age = Math.max(0, ChronoUnit.DAYS.between(changed.atZone(zone).toLocalDate(), today));
        Optional<LocalDate> nextDue = account.credentials().stream()
                .map(c -> dueOn(c, zone))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        boolean pending = account.credentials().stream().anyMatch(CredentialInfo::hasPending);
        // not the checks of an abandoned new value: they say nothing about the account now
        List<CheckResult> checks = account.checksOfValuesInUse(account.lastChecks());
        Optional<CheckResult> newest = checks.stream().max(Comparator.comparing(CheckResult::at));
        Optional<CheckResult> failed = checks.stream().filter(c -> !c.ok()).max(Comparator.comparing(CheckResult::at));
        return new AccountFacts(
                changed, age, nextDue, nextDue.map(d -> !today.isBefore(d)).orElse(false), pending, newest, failed);
    }

    public static Optional<LocalDate> dueOn(CredentialInfo credential, ZoneId zone) {
        return credential.policy().dueDate(credential.changedAt().atZone(zone).toLocalDate());
    }
}
