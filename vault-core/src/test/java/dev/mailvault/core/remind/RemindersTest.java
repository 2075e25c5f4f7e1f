package dev.mailvault.core.remind;

import static dev.mailvault.core.remind.Fixtures.account;
import static dev.mailvault.core.remind.Fixtures.credential;
import static dev.mailvault.core.remind.Fixtures.utcNoon;
import static dev.mailvault.core.remind.Fixtures.utcNoonInstant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialRef;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reminders")
class RemindersTest {

    private static LocalDate due(String changedOn, String policy, Clock clock) {
        Schedule s = new Schedule(utcNoonInstant(LocalDate.parse(changedOn)), RotationPolicy.parse(policy));
        return new Reminders(clock).dueDate(s).orElseThrow();
    }

    @Nested
    @DisplayName("due dates are calendar-correct")
    class DueDates {
        private final Clock clock = utcNoon(LocalDate.of(2024, 1, 1));

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource({
            "2024-08-31, 6m, 2025-02-28", // no 31 February: the end of the month
            "2023-08-31, 6m, 2024-02-29", // leap year
            "2024-02-29, 12m, 2025-02-28", // from a leap day to a common year
            "2024-02-29, 3m, 2024-05-29",
            "2023-11-30, 3m, 2024-02-29",
            "2024-01-15, 6m, 2024-07-15",
            "2024-01-01, 90d, 2024-03-31", // 90 days across a leap February
            "2023-01-01, 90d, 2023-04-01", // the same 90 days in a common year
            "2024-12-31, 1m, 2025-01-31",
        })
        @DisplayName("adding the policy to the day of the change")
        void calendarArithmetic(String changedOn, String policy, String expected) {
            assertThat(due(changedOn, policy, clock)).isEqualTo(LocalDate.parse(expected));
        }

        @Test
        @DisplayName("the default policy is six calendar months")
        void defaultPolicy() {
            Schedule s = new Schedule(utcNoonInstant(LocalDate.of(2024, 8, 31)), null);
            assertThat(new Reminders(clock).dueDate(s)).contains(LocalDate.of(2025, 2, 28));
        }

        @Test
        @DisplayName("a credential with policy never has no due date and is never due")
        void never() {
            Reminders reminders = new Reminders(utcNoon(LocalDate.of(2099, 1, 1)));
            Schedule s = new Schedule(utcNoonInstant(LocalDate.of(2000, 1, 1)), RotationPolicy.NEVER);
            assertThat(reminders.dueDate(s)).isEmpty();
            assertThat(reminders.status(s)).isEqualTo(ReminderStatus.OK);
            assertThat(reminders.counts(List.of(s))).isEqualTo(ReminderCounts.NONE);
        }
    }

    @Nested
    @DisplayName("status around the due date (due 2025-02-28)")
    class Window {
        private final Schedule schedule =
                new Schedule(utcNoonInstant(LocalDate.of(2024, 8, 31)), RotationPolicy.DEFAULT);

        private ReminderStatus statusOn(LocalDate today) {
            return new Reminders(utcNoon(today)).status(schedule);
        }

        @Test
        @DisplayName("15 days before: OK")
        void fifteenDaysBefore() {
            assertThat(statusOn(LocalDate.of(2025, 2, 13))).isEqualTo(ReminderStatus.OK);
        }

        @Test
        @DisplayName("14 days before: due soon")
        void fourteenDaysBefore() {
            assertThat(statusOn(LocalDate.of(2025, 2, 14))).isEqualTo(ReminderStatus.DUE_SOON);
        }

        @Test
        @DisplayName("on the due date itself: due soon, 0 days left")
        void dueToday() {
            Reminders reminders = new Reminders(utcNoon(LocalDate.of(2025, 2, 28)));
            assertThat(reminders.status(schedule)).isEqualTo(ReminderStatus.DUE_SOON);
            ReminderItem item = reminders
                    .items(List.of(account(
                            "a@example.com",
                            credential(CredentialRef.IMAP, schedule.changedAt(), RotationPolicy.DEFAULT))))
                    .get(0);
            assertThat(item.daysLeft()).isZero();
            assertThat(item.daysOverdue()).isZero();
        }

        @Test
        @DisplayName("the day after: overdue by one day")
        void dayAfter() {
            Reminders reminders = new Reminders(utcNoon(LocalDate.of(2025, 3, 1)));
            assertThat(reminders.status(schedule)).isEqualTo(ReminderStatus.OVERDUE);
            ReminderItem item = reminders
                    .items(List.of(account(
                            "a@example.com",
                            credential(CredentialRef.IMAP, schedule.changedAt(), RotationPolicy.DEFAULT))))
                    .get(0);
            assertThat(item.daysLeft()).isEqualTo(-1);
            assertThat(item.daysOverdue()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("dates are taken in the clock's time zone")
    class TimeZones {
        // 00:30 on 1 September in Tokyo is still 31 August in UTC
        private final Instant changedAt = Instant.parse("2024-08-31T15:30:00Z");

        @Test
        @DisplayName("a change just after midnight in Tokyo counts from 1 September there")
        void changeNearMidnight() {
            Schedule s = new Schedule(changedAt, RotationPolicy.DEFAULT);
            Clock tokyo = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), Fixtures.TOKYO);
            Clock utc = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
            assertThat(new Reminders(tokyo).dueDate(s)).contains(LocalDate.of(2025, 3, 1));
            assertThat(new Reminders(utc).dueDate(s)).contains(LocalDate.of(2025, 2, 28));
        }

        @Test
        @DisplayName("today is the clock's local date: the same instant is due today in UTC and overdue in Tokyo")
        void todayNearMidnight() {
            Schedule s = new Schedule(Instant.parse("2024-08-28T12:00:00Z"), RotationPolicy.DEFAULT);
            Instant now = Instant.parse("2025-02-28T15:30:00Z"); // 1 March 00:30 in Tokyo
            assertThat(new Reminders(Clock.fixed(now, ZoneOffset.UTC)).status(s))
                    .isEqualTo(ReminderStatus.DUE_SOON);
            assertThat(new Reminders(Clock.fixed(now, Fixtures.TOKYO)).status(s))
                    .isEqualTo(ReminderStatus.OVERDUE);
            assertThat(new Reminders(Clock.fixed(now, ZoneId.of("America/Los_Angeles"))).status(s))
                    .isEqualTo(ReminderStatus.DUE_SOON);
        }
    }

    @Nested
    @DisplayName("counts for the locked vault")
    class Counts {
        private final Reminders reminders = new Reminders(utcNoon(LocalDate.of(2025, 3, 10)));

        @Test
        @DisplayName("count overdue and due soon, and ignore OK and never")
        void counts() {
            List<Schedule> schedules = List.of(
                    new Schedule(utcNoonInstant(LocalDate.of(2024, 8, 31)), RotationPolicy.DEFAULT), // overdue
                    new Schedule(utcNoonInstant(LocalDate.of(2024, 1, 1)), RotationPolicy.parse("12m")), // overdue
                    new Schedule(utcNoonInstant(LocalDate.of(2024, 9, 20)), RotationPolicy.DEFAULT), // due 03-20
                    new Schedule(utcNoonInstant(LocalDate.of(2025, 1, 1)), RotationPolicy.DEFAULT), // OK
                    new Schedule(utcNoonInstant(LocalDate.of(2020, 1, 1)), RotationPolicy.NEVER));
            ReminderCounts counts = reminders.counts(schedules);
            assertThat(counts).isEqualTo(new ReminderCounts(2, 1));
            assertThat(counts.anyDue()).isTrue();
            assertThat(reminders.counts(List.of()).anyDue()).isFalse();
        }

        @Test
        @DisplayName("the locked types carry no names: only dates, policies and numbers")
        void noNames() {
            assertThat(componentNames(ReminderCounts.class)).containsExactly("overdue", "dueSoon");
            assertThat(componentTypes(ReminderCounts.class)).containsOnly(int.class);
            assertThat(componentNames(Schedule.class)).containsExactly("changedAt", "policy");
            assertThat(componentTypes(Schedule.class)).containsExactly(Instant.class, RotationPolicy.class);
        }

        @Test
        @DisplayName("the count summary says the numbers in English and Japanese")
        void summary() {
            ReminderCounts counts = new ReminderCounts(2, 1);
            assertThat(ReminderTexts.countsSummary(counts, Locale.ENGLISH))
                    .isEqualTo("Passwords overdue: 2. Due within 14 days: 1."
                            + " Run \"vault remind --details\" to see which.");
            assertThat(ReminderTexts.countsSummary(counts, Locale.JAPANESE))
                    .contains("変更期限を過ぎたパスワード: 2 件")
                    .contains("14 日以内に期限が来るパスワード: 1 件");
            assertThat(ReminderTexts.countsSummary(ReminderCounts.NONE, Locale.ENGLISH))
                    .isEqualTo("No password is overdue or due within 14 days.");
        }

        private List<String> componentNames(Class<? extends Record> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
        }

        private List<Class<?>> componentTypes(Class<? extends Record> type) {
            return Arrays.stream(type.getRecordComponents())
                    .<Class<?>>map(RecordComponent::getType)
                    .toList();
        }
    }

    @Nested
    @DisplayName("named items for --details")
    class Items {
        private final Reminders reminders = new Reminders(utcNoon(LocalDate.of(2025, 3, 10)));
        private final List<AccountInfo> accounts = List.of(
                account(
                        "bob@example.com",
                        credential(
                                CredentialRef.IMAP, utcNoonInstant(LocalDate.of(2025, 1, 1)), RotationPolicy.DEFAULT),
                        credential(
                                CredentialRef.PORTAL,
                                utcNoonInstant(LocalDate.of(2024, 9, 20)),
                                RotationPolicy.DEFAULT)),
                account(
                        "alice@docomo.ne.jp",
                        credential(
                                CredentialRef.IMAP, utcNoonInstant(LocalDate.of(2024, 8, 31)), RotationPolicy.DEFAULT),
                        credential(
                                CredentialRef.app("iPhone"),
                                utcNoonInstant(LocalDate.of(2010, 1, 1)),
                                RotationPolicy.NEVER)),
                account(
                        "carol@example.com",
                        credential(
                                CredentialRef.SMTP, utcNoonInstant(LocalDate.of(2024, 9, 20)), RotationPolicy.DEFAULT),
                        credential(
                                CredentialRef.IMAP,
                                utcNoonInstant(LocalDate.of(2024, 12, 1)),
                                RotationPolicy.parse("90d"))));

        @Test
        @DisplayName("name each dated credential, most urgent first, and leave out policy never")
        void sortedByUrgency() {
            List<ReminderItem> items = reminders.items(accounts);
            assertThat(items)
                    .extracting(i -> i.address() + " " + i.credential() + " " + i.dueDate() + " " + i.status() + " "
                            + i.daysLeft())
                    .containsExactly(
                            "alice@docomo.ne.jp imap 2025-02-28 OVERDUE -10",
                            "carol@example.com imap 2025-03-01 OVERDUE -9",
                            "bob@example.com portal 2025-03-20 DUE_SOON 10",
                            "carol@example.com smtp 2025-03-20 DUE_SOON 10",
                            "bob@example.com imap 2025-07-01 OK 113");
        }

        @Test
        @DisplayName("due() keeps only overdue and due soon, and agrees with the locked counts")
        void dueOnly() {
            List<ReminderItem> due = reminders.due(accounts);
            assertThat(due).extracting(ReminderItem::status).doesNotContain(ReminderStatus.OK);
            assertThat(due).hasSize(4);
            List<Schedule> schedules = accounts.stream()
                    .flatMap(a -> a.credentials().stream())
                    .map(Schedule::of)
                    .toList();
            assertThat(ReminderCounts.of(due)).isEqualTo(reminders.counts(schedules));
        }
    }
}
