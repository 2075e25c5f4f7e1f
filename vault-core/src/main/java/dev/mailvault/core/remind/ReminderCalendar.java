package dev.mailvault.core.remind;

import dev.mailvault.core.VaultException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.files.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes reminders as an RFC 5545 calendar: one all-day event on each due date, with a display
 * alarm a week before.
 *
 * <p>Each event's UID depends only on the account address and the credential, so importing a newer
 * export updates the events instead of adding copies. SEQUENCE is the export time in minutes, so
 * every later export wins over an earlier one. The file names accounts, so it is written readable
 * by its owner only.
 */
public final class ReminderCalendar {
    public static final String PRODUCT_ID = "-//Mail Vault//Reminders//EN";
    /** How long before the due date the alarm fires. */
    public static final Period ALARM_BEFORE = Period.ofWeeks(1);

    private static final int MAX_LINE_OCTETS = 75;

    private final Clock clock;

    public ReminderCalendar(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stable UID of the event for one credential of one account. */
    public static String uid(Address address, CredentialRef credential) {
        String name = "mailvault:" + address.value().toLowerCase(Locale.ROOT) + ":" + credential;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@mailvault";
    }

    /** The calendar as text (CRLF line ends, folded as RFC 5545 asks). */
    public String render(List<ReminderItem> items, Locale locale) {
        Instant now = clock.instant();
        int sequence = Math.toIntExact(now.getEpochSecond() / 60);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (ReminderItem item : items) {
            calendar.add(event(item, now, sequence, locale));
        }
        StringWriter out = new StringWriter();
        try {
            // ical4j folds by characters, which lets Japanese lines reach 200 octets: fold here instead
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new VaultException("cannot build the reminder calendar: " + e.getMessage(), e);
        }
        return fold(out.toString());
    }

    /**
     * Folds each content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545, 3.1),
     * never splitting a character: continuation lines start with one space.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = utf8Length(cp);
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** Writes the calendar to {@code file} atomically (a temporary file, then a move). */
    public void write(Path file, List<ReminderItem> items, Locale locale) {
        byte[] content = render(items, locale).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, content, PosixFilePermissions.fromString("rw-------"));
    }

    private VEvent event(ReminderItem item, Instant now, int sequence, Locale locale) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(item.address(), item.credential())));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(item.dueDate()));
        event.add(new DtEnd<>(item.dueDate().plusDays(1)));
        event.add(new Summary(ReminderTexts.eventSummary(item.address(), item.credential(), locale)));
        event.add(new Description(ReminderTexts.eventDescription(item, clock.getZone(), locale)));
        event.add(new Sequence(sequence));
        event.add(ImmutableTransp.TRANSPARENT);
        VAlarm alarm = new VAlarm(ALARM_BEFORE.negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(ReminderTexts.alarmDescription(item, locale)));
        event.add(alarm);
        return event;
    }
}
