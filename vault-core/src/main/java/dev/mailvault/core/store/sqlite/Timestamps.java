package dev.mailvault.core.store.sqlite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the store writes ({@link Instant#toString()}: {@code 2026-11-29T07:43:01Z},
 * with 0, 3, 6 or 9 fraction digits). {@link Instant#parse} goes through the general
 * {@code DateTimeFormatter} machinery, which was a third of the time of listing 1,000 accounts
 * in a fresh JVM; this reads the fixed layout directly and leaves every other text, and every
 * error, to {@link Instant#parse}, so the results and the exceptions are the same.
 */
final class Timestamps {
    private static final int SECONDS_END = 19; // "uuuu-MM-ddTHH:mm:ss"

    private Timestamps() {}

    static Instant parse(String text) {
        Instant fast = fixedLayout(text);
        return fast != null ? fast : Instant.parse(text);
    }

    private static Instant fixedLayout(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1
                || length > SECONDS_END + 11
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        if (second < 0 || second > 59) {
            return null; // a leap second and the like: Instant.parse decides
        }
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            int fractionDigits = length - SECONDS_END - 2;
            if (text.charAt(SECONDS_END) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, SECONDS_END + 1, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by ASCII digits in {@code [from, to)}, or -1 when one is no digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
