package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.KdfParameters;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Argon2id cost: calibrated to a target unlock time, or all three parameters given explicitly. */
public final class KdfOptions {
    @Option(names = "--kdf-memory", paramLabel = "MIB")
    Integer memoryMib;

    @Option(names = "--kdf-iterations", paramLabel = "N")
    Integer iterations;

    @Option(names = "--kdf-parallelism", paramLabel = "P")
    Integer parallelism;

    @Option(names = "--unlock-ms", paramLabel = "MS")
    Integer unlockMs;

    /** The explicit parameters, or empty when the caller should calibrate (or keep what it has). */
    Optional<KdfParameters> explicit(Texts texts) {
        boolean any = memoryMib != null || iterations != null || parallelism != null;
        if (!any) {
            return Optional.empty();
        }
        if (memoryMib == null || iterations == null || parallelism == null) {
            throw new UsageError(texts.get("err.kdfIncomplete"));
        }
        if (unlockMs != null) {
            throw new UsageError(texts.get("err.kdfAndUnlockMs"));
        }
        try {
            return Optional.of(KdfParameters.ofMebibytes(memoryMib, iterations, parallelism));
        } catch (BadInputException e) {
            throw new UsageError(texts.get("err.kdfRange"));
        }
    }

    /** {@code --unlock-ms} as a duration, if given; refused outside 100 ms to 60 s. */
    Optional<Duration> unlockTarget(Texts texts) {
        if (unlockMs == null) {
            return Optional.empty();
        }
        if (unlockMs < 100 || unlockMs > 60_000) {
            // the value as typed: MessageFormat would write 60001 as "60,001"
            throw new UsageError(texts.get("err.unlockMs", String.valueOf(unlockMs)));
        }
        return Optional.of(Duration.ofMillis(unlockMs));
    }
}
