package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vault passwd}: a new master password (twice at a terminal; otherwise the next line of
 * standard input). The Argon2id parameters stay unless new ones are given. A weak new password
 * gets a warning.
 */
@Command(name = "passwd")
public final class PasswdCommand extends VaultSubcommand {
    @Mixin
    private KdfOptions kdf;

    @Override
    public Integer call() {
        Optional<KdfParameters> explicit = kdf.explicit(texts());
        Optional<Duration> target = kdf.unlockTarget(texts());
        try (VaultSession session = unlock();
                Secret replacement = root().masterPassword().readReplacement()) {
            KdfParameters parameters = explicit.orElseGet(() -> target.map(d -> {
                        err().println(texts().get("msg.calibrating", d.toMillis()));
                        return context().service().calibrate(d);
                    })
                    .orElse(session.kdfParameters()));
            session.changeMasterPassword(replacement, parameters);
            out().println(texts().get("msg.passwdChanged"));
            out().println(texts().get(
                            "msg.kdfChosen",
                            parameters.memoryMib(),
                            parameters.iterations(),
                            parameters.parallelism()));
            warnIfWeak(replacement, "warn.weakMasterChanged");
        }
        return ExitCodes.OK;
    }
}
