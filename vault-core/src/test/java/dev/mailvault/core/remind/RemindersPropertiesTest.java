package dev.mailvault.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

@Label("Reminders (properties)")
class RemindersPropertiesTest {
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();

    @Property
    @Label("a month policy lands on the same day n months later, or on the last day of a shorter month")
    void monthPolicyLandsInTheRightMonth(
            @ForAll("instants") Instant changedAt, @ForAll @IntRange(min = 1, max = 36) int months) {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        LocalDate changedOn = LocalDate.ofInstant(changedAt, zone);
        LocalDate due = new Reminders(Clock.fixed(changedAt, zone))
                .dueDate(new Schedule(changedAt, RotationPolicy.parse(months + "m")))
                .orElseThrow();
        YearMonth expectedMonth = YearMonth.from(changedOn).plusMonths(months);
        assertThat(YearMonth.from(due)).isEqualTo(expectedMonth);
        assertThat(due.getDayOfMonth()).isEqualTo(Math.min(changedOn.getDayOfMonth(), expectedMonth.lengthOfMonth()));
    }

    @Property
    @Label("the locked counts always equal the counts of the named items")
    void lockedAndUnlockedAgree(
            @ForAll("instants") Instant now,
            @ForAll @Size(max = 12) List<@From("credentials") CredentialInfo> credentials) {
        List<AccountInfo> accounts = new ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            accounts.add(Fixtures.account("user" + i + "@example.com", credentials.get(i)));
        }
        Reminders reminders = new Reminders(Clock.fixed(now, ZoneId.of("Europe/Berlin")));
        List<Schedule> schedules = credentials.stream().map(Schedule::of).toList();
        assertThat(reminders.counts(schedules)).isEqualTo(ReminderCounts.of(reminders.items(accounts)));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<CredentialInfo> credentials() {
        Arbitrary<RotationPolicy> policies =
                Arbitraries.of("3m", "6m", "12m", "90d", "30d", "never").map(RotationPolicy::parse);
        return Combinators.combine(instants(), policies)
                .as((changedAt, policy) -> Fixtures.credential(CredentialRef.IMAP, changedAt, policy));
    }
}
