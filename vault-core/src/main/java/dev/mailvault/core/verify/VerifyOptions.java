package dev.mailvault.core.verify;

import dev.mailvault.core.BadInputException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How login checks run. {@code timeout} bounds connecting, each read and each write; {@code
 * overallDeadline} bounds a whole check, so a server that sends one byte a second cannot hold it
 * open (default: the timeout plus the timeout again, at most five seconds more). {@code
 * debugOutput}, when set, receives Jakarta Mail's protocol trace with the authentication exchange
 * left out and any password removed.
 */
public record VerifyOptions(Duration timeout, Duration overallDeadline, Clock clock, PrintStream debugOutput) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration MAX_EXTRA = Duration.ofSeconds(5);

    public VerifyOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new BadInputException(
                    "the timeout must be between 0.1 and 300 seconds, was " + timeout.toMillis() / 1000.0 + " s");
        }
        if (overallDeadline == null) {
            overallDeadline = timeout.plus(timeout.compareTo(MAX_EXTRA) < 0 ? timeout : MAX_EXTRA);
        }
        if (overallDeadline.compareTo(timeout) < 0) {
            throw new BadInputException("the overall deadline of a check must not be shorter than its timeout");
        }
    }

    public VerifyOptions(Duration timeout, Clock clock) {
        this(timeout, null, clock, null);
    }

    /** A 10 s timeout, no debug output. */
    public static VerifyOptions defaults(Clock clock) {
        return new VerifyOptions(DEFAULT_TIMEOUT, clock);
    }

    public VerifyOptions withTimeout(Duration newTimeout) {
        return new VerifyOptions(newTimeout, null, clock, debugOutput);
    }

    public VerifyOptions withOverallDeadline(Duration deadline) {
        return new VerifyOptions(timeout, deadline, clock, debugOutput);
    }

    public VerifyOptions withDebugOutput(PrintStream out) {
        return new VerifyOptions(timeout, overallDeadline, clock, out);
    }
}
