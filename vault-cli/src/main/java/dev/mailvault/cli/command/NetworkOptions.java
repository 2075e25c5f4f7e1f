package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.verify.VerifyOptions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SEC}, shared by the commands that talk to mail servers. */
public final class NetworkOptions {
    private static final BigDecimal MIN_SECONDS = new BigDecimal("0.1");
    private static final BigDecimal MAX_SECONDS = new BigDecimal("300");

    @Option(names = "--timeout", paramLabel = "SEC", descriptionKey = "timeout")
    BigDecimal timeoutSeconds;

    /** Checked before the vault is opened; {@code debugOrNull} receives the protocol trace. */
    VerifyOptions options(Texts texts, Clock clock, PrintStream debugOrNull) {
        Duration timeout = VerifyOptions.DEFAULT_TIMEOUT;
        if (timeoutSeconds != null) {
            if (timeoutSeconds.compareTo(MIN_SECONDS) < 0 || timeoutSeconds.compareTo(MAX_SECONDS) > 0) {
                throw new UsageError(texts.get("err.timeout", timeoutSeconds.toPlainString()));
            }
            timeout = Duration.ofMillis(timeoutSeconds.movePointRight(3).longValue());
        }
        VerifyOptions options = new VerifyOptions(timeout, clock);
        return debugOrNull == null ? options : options.withDebugOutput(debugOrNull);
    }
}
