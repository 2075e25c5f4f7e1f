package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The store's timestamp reader gives exactly what {@link Instant#parse} gives, errors included. */
@Label("Store timestamps read like Instant.parse")
class TimestampsPropertyTest {

    @Property(tries = 2000)
    @Label("every instant the store can write reads back as itself")
    void roundTrip(@ForAll("instants") Instant instant) {
        assertThat(Timestamps.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 2000)
    @Label("texts near the layout: the same instant or the same refusal as Instant.parse")
    void sameAsInstantParse(@ForAll("nearLayout") String text) {
        assertSame(text);
    }

    @Property(tries = 500)
    @Label("any text: the same instant or the same refusal as Instant.parse")
    void anyText(@ForAll String text) {
        assertSame(text);
    }

    @Example
    @Label("leap second, lower-case letters, year 0 and a bad day go the same way as Instant.parse")
    void edges() {
        for (String text : new String[] {
            "2016-12-31T23:59:60Z",
            "2026-11-29t07:43:01z",
            "0000-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T07:43:01.Z",
            "2026-11-29T07:43:01.1234567890Z",
            "+12026-11-29T07:43:01Z",
            "2026-11-29T07:43:01+09:00"
        }) {
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException e) {
            Class<? extends DateTimeException> kind = e.getClass();
            assertThatThrownBy(() -> Timestamps.parse(text)).isExactlyInstanceOf(kind);
            return;
        }
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs()
                .between(
                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Instants written out, then one character changed, dropped or added. */
    @Provide
    Arbitrary<String> nearLayout() {
        Arbitrary<String> written = instants().map(Instant::toString);
        Arbitrary<Character> replacement =
                Arbitraries.of('0', '9', '1', '3', '6', '-', ':', 'T', 'Z', '.', 'z', ' ', '+');
        return Combinators.combine(written, Arbitraries.integers().between(0, 29), replacement, Arbitraries.of(0, 1, 2))
                .as((text, at, c, how) -> {
                    int i = Math.min(at, text.length() - 1);
                    return switch (how) {
                        case 0 -> text.substring(0, i) + c + text.substring(i + 1);
                        case 1 -> text.substring(0, i) + text.substring(i + 1);
                        default -> text.substring(0, i) + c + text.substring(i);
                    };
                });
    }
}
