package dev.mailvault.cli;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import picocli.CommandLine;

/** The one place that decides the process exit code. See DESIGN.md, "The vault command". */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and reports a problem: a failed check, something due, devices to update. */
    public static final int FINDINGS = 1;
    /** Usage or bad input; nothing was written. */
    public static final int USAGE = 2;

    public static final int WRONG_MASTER_PASSWORD = 3;
    /** Vault missing, unreadable, tampered or of a newer format; nothing was written. */
    public static final int VAULT_UNAVAILABLE = 4;

    public static final int INTERNAL = 70;

    private ExitCodes() {}

    public static int of(Throwable failure) {
        Throwable t = failure instanceof CommandLine.ExecutionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (t instanceof CommandLine.ParameterException || t instanceof BadInputException) {
            return USAGE;
        }
        if (t instanceof WrongMasterPasswordException) {
            return WRONG_MASTER_PASSWORD;
        }
        if (t instanceof VaultUnavailableException) {
            return VAULT_UNAVAILABLE;
        }
        return INTERNAL;
    }
}
