package dev.mailvault.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.remind.PasswordAge.Band;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Password age bands")
class PasswordAgeTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate CHANGED = LocalDate.of(2026, 1, 15);

    private static PasswordAge on(LocalDate today) {
        return new PasswordAge(Clock.fixed(today.atTime(12, 0).atZone(TOKYO).toInstant(), TOKYO));
    }

    private static Band band(LocalDate today, RotationPolicy policy) {
        return on(today).band(CHANGED.atTime(9, 0).atZone(TOKYO).toInstant(), policy);
    }

    @Test
    @DisplayName("with the default policy: fresh under five months")
    void freshUnderFiveMonths() {
        assertThat(band(LocalDate.of(2026, 6, 14), RotationPolicy.DEFAULT)).isEqualTo(Band.FRESH);
    }

    @Test
    @DisplayName("aging from five months up to and including the due date")
    void agingInTheLastMonth() {
        assertThat(band(LocalDate.of(2026, 6, 15), RotationPolicy.DEFAULT)).isEqualTo(Band.AGING);
        assertThat(band(LocalDate.of(2026, 7, 15), RotationPolicy.DEFAULT)).isEqualTo(Band.AGING);
    }

    @Test
    @DisplayName("overdue from the day after the due date")
    void overdueAfterDueDate() {
        assertThat(band(LocalDate.of(2026, 7, 16), RotationPolicy.DEFAULT)).isEqualTo(Band.OVERDUE);
    }

    @Test
    @DisplayName("a credential that never expires is always fresh")
    void neverIsFresh() {
        assertThat(band(LocalDate.of(2036, 1, 1), RotationPolicy.NEVER)).isEqualTo(Band.FRESH);
    }

    @Test
    @DisplayName("the change date is the local calendar date, not the UTC one")
    void localCalendarDate() {
        // 00:30 in Tokyo on 1 February is still 31 January in UTC
        var changed = ZonedDateTime.of(2026, 2, 1, 0, 30, 0, 0, TOKYO).toInstant();
        PasswordAge age = on(LocalDate.of(2026, 8, 1));
        assertThat(age.band(changed, RotationPolicy.DEFAULT)).isEqualTo(Band.AGING);
        assertThat(age.age(changed)).isEqualTo(Period.ofMonths(6));
    }

    @Test
    @DisplayName("an age is never negative, even with a change dated in the future")
    void neverNegative() {
        PasswordAge age = on(LocalDate.of(2026, 1, 1));
        assertThat(age.age(CHANGED.atStartOfDay(TOKYO).toInstant())).isEqualTo(Period.ZERO);
    }
}
