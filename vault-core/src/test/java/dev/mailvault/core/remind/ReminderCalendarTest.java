package dev.mailvault.core.remind;

import static dev.mailvault.core.remind.Fixtures.account;
import static dev.mailvault.core.remind.Fixtures.credential;
import static dev.mailvault.core.remind.Fixtures.utcNoonInstant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.util.ICalDate;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.testing.SpecialFiles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.Trigger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The reminder calendar (ICS)")
class ReminderCalendarTest {
    private static final Instant EXPORTED = Instant.parse("2025-03-10T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(EXPORTED, Fixtures.TOKYO);

    private final List<AccountInfo> accounts = List.of(
            account(
                    "alice@docomo.ne.jp",
                    credential(CredentialRef.IMAP, utcNoonInstant(LocalDate.of(2024, 8, 31)), RotationPolicy.DEFAULT)),
            account(
                    "bob@example.com",
                    credential(
                            CredentialRef.app("iPhone"),
                            utcNoonInstant(LocalDate.of(2025, 1, 1)),
                            RotationPolicy.parse("90d")),
                    credential(CredentialRef.PORTAL, utcNoonInstant(LocalDate.of(2025, 1, 1)), RotationPolicy.NEVER)));
    private final List<ReminderItem> items = new Reminders(CLOCK).items(accounts);

    @TempDir
    Path dir;

    @Test
    @DisplayName("has one all-day event per due date and leaves out credentials that never expire")
    void oneEventPerDueDate() throws Exception {
        Calendar calendar = parseWithIcal4j(new ReminderCalendar(CLOCK).render(items, Locale.ENGLISH));
        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        Map<String, LocalDate> startByUid = events.stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e ->
                        (LocalDate) e.getStartDate().orElseThrow().getDate()));
        assertThat(startByUid)
                .containsEntry(
                        ReminderCalendar.uid(Address.of("alice@docomo.ne.jp"), CredentialRef.IMAP),
                        LocalDate.of(2025, 2, 28))
                .containsEntry(
                        ReminderCalendar.uid(Address.of("bob@example.com"), CredentialRef.app("iPhone")),
                        LocalDate.of(2025, 4, 1));
        for (var event : events) {
            LocalDate start = (LocalDate) event.getStartDate().orElseThrow().getDate();
            assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(start.plusDays(1));
        }
    }

    @Test
    @DisplayName("parses with ical4j: summary, and a display alarm exactly 7 days before")
    void ical4jRoundTrip() throws Exception {
        Calendar calendar = parseWithIcal4j(new ReminderCalendar(CLOCK).render(items, Locale.ENGLISH));
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo(ReminderCalendar.PRODUCT_ID);
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue())
                .isEqualTo("2.0");
        var event = (net.fortuna.ical4j.model.component.VEvent)
                calendar.getComponents("VEVENT").get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("Change the password of alice@docomo.ne.jp (imap)");
        assertThat(event.getDescription().getValue()).contains("2024-08-31").contains("6 months");
        List<net.fortuna.ical4j.model.component.VAlarm> alarms = event.getAlarms();
        assertThat(alarms).hasSize(1);
        var alarm = alarms.get(0);
        assertThat(alarm.getAction().orElseThrow().getValue()).isEqualTo("DISPLAY");
        Trigger trigger = alarm.getTrigger().orElseThrow();
        assertThat(trigger.isAbsolute()).isFalse();
        TemporalAmount before = trigger.getDuration();
        Temporal fires = LocalDateTime.of(2025, 2, 28, 0, 0).plus(before);
        assertThat(fires).isEqualTo(LocalDateTime.of(2025, 2, 21, 0, 0));
        assertThat(alarm.getDescription().getValue()).contains("alice@docomo.ne.jp");
    }

    @Test
    @DisplayName("parses with biweekly, an independent parser: same UIDs, dates without time, alarm 7 days before")
    void biweeklyRoundTrip() {
        String text = new ReminderCalendar(CLOCK).render(items, Locale.ENGLISH);
        List<ICalendar> calendars = Biweekly.parse(text).all();
        assertThat(calendars).hasSize(1);
        Map<String, VEvent> byUid = calendars.get(0).getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
        VEvent alice = byUid.get(ReminderCalendar.uid(Address.of("alice@docomo.ne.jp"), CredentialRef.IMAP));
        assertThat(alice).isNotNull();
        ICalDate start = alice.getDateStart().getValue();
        assertThat(start.hasTime()).isFalse();
        assertThat(start.getRawComponents().getYear()).isEqualTo(2025);
        assertThat(start.getRawComponents().getMonth()).isEqualTo(2);
        assertThat(start.getRawComponents().getDate()).isEqualTo(28);
        assertThat(alice.getSummary().getValue()).isEqualTo("Change the password of alice@docomo.ne.jp (imap)");
        assertThat(alice.getAlarms()).hasSize(1);
        VAlarm alarm = alice.getAlarms().get(0);
        assertThat(alarm.getAction().isDisplay()).isTrue();
        assertThat(alarm.getTrigger().getDuration().toMillis()).isEqualTo(-7L * 24 * 60 * 60 * 1000);
        assertThat(alarm.getTrigger().getDate()).isNull();
        assertThat(alice.getDateTimeStamp().getValue().toInstant()).isEqualTo(EXPORTED);
    }

    @Test
    @DisplayName("keeps every line within 75 octets and ends lines with CRLF, also in Japanese")
    void foldedLines() {
        String text = new ReminderCalendar(CLOCK).render(items, Locale.JAPANESE);
        assertThat(text).contains("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("octets of: %s", line)
                    .isLessThanOrEqualTo(75);
        }
        VEvent alice = Biweekly.parse(text).first().getEvents().stream()
                .filter(e -> e.getUid()
                        .getValue()
                        .equals(ReminderCalendar.uid(Address.of("alice@docomo.ne.jp"), CredentialRef.IMAP)))
                .findFirst()
                .orElseThrow();
        assertThat(alice.getSummary().getValue()).isEqualTo("パスワード変更: alice@docomo.ne.jp(imap)");
        assertThat(alice.getDescription().getValue()).contains("6 か月");
    }

    @Nested
    @DisplayName("when exported again later")
    class ReExport {
        @Test
        @DisplayName("keeps each credential's UID, moves the date after a rotation, and raises SEQUENCE")
        void updatesRatherThanDuplicates() throws Exception {
            Path file = dir.resolve("mailvault.ics");
            new ReminderCalendar(CLOCK).write(file, items, Locale.ENGLISH);
            VEvent before = aliceEvent(Files.readString(file));

            // alice rotated on 2025-03-11; exported a day later
            Clock later = Clock.offset(CLOCK, java.time.Duration.ofDays(2));
            List<AccountInfo> rotated = List.of(account(
                    "alice@docomo.ne.jp",
                    credential(CredentialRef.IMAP, Instant.parse("2025-03-11T01:00:00Z"), RotationPolicy.DEFAULT)));
            new ReminderCalendar(later).write(file, new Reminders(later).items(rotated), Locale.ENGLISH);
            VEvent after = aliceEvent(Files.readString(file));

            assertThat(after.getUid().getValue()).isEqualTo(before.getUid().getValue());
            assertThat(after.getSequence().getValue())
                    .isGreaterThan(before.getSequence().getValue());
            assertThat(after.getDateStart().getValue().getRawComponents().getMonth())
                    .isEqualTo(9);
            assertThat(after.getDateStart().getValue().getRawComponents().getDate())
                    .isEqualTo(11);
        }

        private VEvent aliceEvent(String text) {
            String uid = ReminderCalendar.uid(Address.of("alice@docomo.ne.jp"), CredentialRef.IMAP);
            return Biweekly.parse(text).first().getEvents().stream()
                    .filter(e -> e.getUid().getValue().equals(uid))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Nested
    @DisplayName("writing the file")
    class Writing {
        @Test
        @DisplayName("replaces the file whole, readable by its owner only, and leaves no temporary file")
        void atomicAndPrivate() throws Exception {
            Path file = dir.resolve("reminders.ics");
            Files.writeString(file, "old content");
            new ReminderCalendar(CLOCK).write(file, items, Locale.ENGLISH);
            assertThat(Files.readString(file)).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            try (var listing = Files.list(dir)) {
                assertThat(listing).containsExactly(file);
            }
        }

        @Test
        @DisplayName("refuses a folder that does not exist, and a folder as the file")
        void badTargets() {
            ReminderCalendar calendar = new ReminderCalendar(CLOCK);
            assertThatThrownBy(() -> calendar.write(dir.resolve("missing/r.ics"), items, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> calendar.write(dir, items, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is a folder");
        }

        @Test
        @DisplayName("refuses a FIFO as the file and leaves it a FIFO, with no temporary file beside it")
        void notRegularFile() throws Exception {
            Path fifo = SpecialFiles.fifo(dir.resolve("reminders.ics"));
            ReminderCalendar calendar = new ReminderCalendar(CLOCK);
            assertThatThrownBy(() -> calendar.write(fifo, items, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(fifo.toString())
                    .hasMessageContaining("not a regular file");
            assertThat(SpecialFiles.isStillSpecial(fifo)).isTrue();
            try (var listing = Files.list(dir)) {
                assertThat(listing).containsExactly(fifo);
            }
        }

        @Test
        @DisplayName("a file the system will not make is bad input that names it and says why; nothing is left")
        void cannotWrite() throws Exception {
            // a valid name, but too long with the temporary file's prefix and suffix: refused even to root
            Path file = dir.resolve("r".repeat(255));
            ReminderCalendar calendar = new ReminderCalendar(CLOCK);
            assertThatThrownBy(() -> calendar.write(file, items, Locale.ENGLISH))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("cannot write " + file + ": file name too long");
            try (var listing = Files.list(dir)) {
                assertThat(listing).isEmpty();
            }
        }

        @Test
        @DisplayName("an empty list still gives a valid calendar")
        void empty() {
            String text = new ReminderCalendar(CLOCK).render(List.of(), Locale.ENGLISH);
            assertThat(Biweekly.parse(text).first().getEvents()).isEmpty();
        }
    }

    @Test
    @DisplayName("dates do not depend on the JVM's default time zone")
    void independentOfDefaultZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            String text = new ReminderCalendar(CLOCK).render(items, Locale.ENGLISH);
            assertThat(text).contains("DTSTART;VALUE=DATE:20250228");
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    private static Calendar parseWithIcal4j(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }
}
