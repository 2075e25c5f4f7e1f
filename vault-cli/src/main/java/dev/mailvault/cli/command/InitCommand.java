package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vault init}: creates a vault; never overwrites one. A weak master password gets a warning. */
@Command(name = "init")
public final class InitCommand extends VaultSubcommand {
    private static final Duration DEFAULT_UNLOCK = Duration.ofMillis(1000);

    @Mixin
    private KdfOptions kdf;

    @Override
    public Integer call() {
        Path file = vaultFile();
        if (Files.exists(file)) {
            throw new UsageError(texts().get("err.vaultExists", file));
        }
        KdfParameters explicit = kdf.explicit(texts()).orElse(null);
        Duration target = kdf.unlockTarget(texts()).orElse(DEFAULT_UNLOCK);
        try (Secret master = root().masterPassword().readNew(file)) {
            KdfParameters parameters = explicit;
            if (parameters == null) {
                err().println(texts().get("msg.calibrating", target.toMillis()));
                parameters = context().service().calibrate(target);
            }
            context().service().create(file, master, parameters);
            out().println(texts().get("msg.created", file));
            out().println(texts().get(
                            "msg.kdfChosen",
                            parameters.memoryMib(),
                            parameters.iterations(),
                            parameters.parallelism()));
            warnIfWeak(master, "warn.weakMaster");
        }
        return ExitCodes.OK;
    }
}
