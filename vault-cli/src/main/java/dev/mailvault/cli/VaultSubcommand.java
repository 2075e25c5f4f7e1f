package dev.mailvault.cli;

import dev.mailvault.cli.input.MasterPassword;
import dev.mailvault.cli.input.SecretInput;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.audit.PasswordStrength;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: its help option, the streams, the texts, unlocking the vault, and
 * reading user input into core types with messages in the user's language. A subcommand parses,
 * calls the core, and renders; nothing else.
 */
public abstract class VaultSubcommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            descriptionKey = "help")
    private boolean helpRequested;

    protected final VaultCommand root() {
        return (VaultCommand) spec.root().userObject();
    }

    protected final CliContext context() {
        return root().context();
    }

    protected final Texts texts() {
        return root().texts();
    }

    protected final PrintWriter out() {
        return context().out();
    }

    protected final PrintWriter err() {
        return context().err();
    }

    protected final Path vaultFile() {
        return root().vaultFile();
    }

    protected final SecretInput secrets() {
        return new SecretInput(context(), texts());
    }

    /** Opens the vault: a missing file is reported before anyone is asked for a password. */
    protected final VaultSession unlock() {
        MasterPassword source = root().masterPassword();
        Path file = existingVault();
        try (Secret master = source.read(file)) {
            return opened(file, master);
        }
    }

    /**
     * Opens the vault and, when the password was typed at a terminal, asks for it once more before
     * anything is revealed (DESIGN: reveal of everything asks again). The second entry is compared
     * with the first, which the open just proved right.
     */
    protected final VaultSession unlockForReveal() {
        return unlockAndConfirm(source -> source.fromTerminal() ? source.askAgain() : null);
    }

    /**
     * Opens the vault and reads the master password a second time before secrets are written out in
     * clear: at the terminal when there is one (whatever the first source was), otherwise from the
     * same source as the first time (the next line of standard input, or the file again).
     */
    protected final VaultSession unlockForPlaintext(String prompt) {
        return unlockAndConfirm(source -> source.readAgain(prompt));
    }

    /** {@code again} gives the second entry, or null when none is needed; it must match the first. */
    private VaultSession unlockAndConfirm(Function<MasterPassword, Secret> again) {
        MasterPassword source = root().masterPassword();
        Path file = existingVault();
        try (Secret master = source.read(file)) {
            VaultSession session = opened(file, master);
            boolean confirmed = false;
            try (Secret second = again.apply(source)) {
                confirmed = second == null || second.sameValueAs(master);
            } finally {
                if (!confirmed) {
                    session.close();
                }
            }
            if (!confirmed) {
                throw new WrongMasterPasswordException();
            }
            return session;
        }
    }

    /**
     * Warns on standard error when a new master password is weak; never refuses it, and never says
     * which part of it is weak (zxcvbn's own feedback is not printed). {@code key} is the warning's
     * text: init's points to vault passwd, passwd's own does not.
     */
    protected final void warnIfWeak(Secret newMaster, String key) {
        PasswordStrength.Result strength = PasswordStrength.measureMasterPassword(newMaster, texts().locale());
        if (strength.weak()) {
            err().println(texts().get(key, strength.score()));
        }
    }

    private Path existingVault() {
        Path file = vaultFile();
        if (!Files.exists(file)) {
            throw new VaultUnavailableException(VaultUnavailableException.Reason.MISSING, "no vault at " + file);
        }
        return file;
    }

    private VaultSession opened(Path file, Secret master) {
        VaultSession session = context().service().open(file, master);
        session.rollback()
                .ifPresent(r -> err().println(texts().get(
                                "warn.rollback", file, String.valueOf(r.generation()), String.valueOf(r.lastSeen()))));
        return session;
    }

    // user input → core types, refused in the user's language

    protected final Address address(String text) {
        try {
            return Address.of(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.address", text));
        }
    }

    protected final Endpoint endpoint(String option, String text) {
        try {
            return Endpoint.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.endpoint", option, text, e.getMessage()));
        }
    }

    protected final RotationPolicy policy(String text) {
        try {
            return RotationPolicy.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.policy", text));
        }
    }

    protected final CredentialRef credentialRef(String text) {
        try {
            return CredentialRef.parse(text);
        } catch (BadInputException e) {
            throw new UsageError(texts().get("err.kind", text));
        }
    }

    /** The built-in provider catalog with the user's own entries merged in. */
    protected final ProviderCatalog catalog() {
        Path home = VaultService.home(context().env());
        return ProviderCatalog.builtIn()
                .withOverrides(ProviderCatalog.overridesFile(context().env(), home));
    }

    /** The catalog entry named by {@code --provider}, refused with the known ids when unknown. */
    protected final Provider provider(ProviderCatalog catalog, String id) {
        return catalog.all().stream()
                .filter(p -> p.id().equals(id.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new UsageError(texts().get(
                                "err.unknownProvider",
                                id,
                                String.join(
                                        ", ",
                                        catalog.all().stream().map(Provider::id).toList()))));
    }

    protected final AccountInfo account(VaultSession session, Address address) {
        return session.findAccount(address)
                .orElseThrow(() -> new UsageError(texts().get("err.noSuchAccount", address)));
    }
}
