package dev.mailvault.cli.output;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.verify.CheckResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
        // loops, not streams: list runs this for every account, mostly before the JIT has compiled
        // it, and the interpreted stream pipelines were most of its time (~60 ms of a list of 1,000)
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Instant changed = account.imapCredential().changedAt();
        long age = Math.max(0, ChronoUnit.DAYS.between(changed.atZone(zone).toLocalDate(), today));
        LocalDate nextDue = null;
        boolean pending = false;
        for (CredentialInfo c : account.credentials()) {
            LocalDate due = dueOn(c, zone).orElse(null);
            if (due != null && (nextDue == null || due.isBefore(nextDue))) {
                nextDue = due;
            }
            pending |= c.hasPending();
        }
        // not the checks of an abandoned new value: they say nothing about the account now
        CheckResult newest = null;
        CheckResult failed = null;
        for (CheckResult c : account.checksOfValuesInUse(account.lastChecks())) {
            if (newest == null || c.at().isAfter(newest.at())) {
                newest = c;
            }
            if (!c.ok() && (failed == null || c.at().isAfter(failed.at()))) {
                failed = c;
            }
        }
        return new AccountFacts(
                changed,
                age,
                Optional.ofNullable(nextDue),
                nextDue != null && !today.isBefore(nextDue),
                pending,
                Optional.ofNullable(newest),
                Optional.ofNullable(failed));
    }

    public static Optional<LocalDate> dueOn(CredentialInfo credential, ZoneId zone) {
        return credential.policy().dueDate(credential.changedAt().atZone(zone).toLocalDate());
    }
}
