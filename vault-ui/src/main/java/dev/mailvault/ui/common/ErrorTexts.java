package dev.mailvault.ui.common;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.files.UnwritableFileException;
import java.util.Locale;

/** Failures in words the user can act on; the core's messages already say what was wrong. */
public final class ErrorTexts {
    private ErrorTexts() {}

    public static String describe(Throwable error, Texts texts) {
        Throwable e = unwrap(error);
        if (e instanceof WrongMasterPasswordException) {
            return texts.get("unlock.wrongPassword");
        }
        if (e instanceof SerialSession.LockedException) {
            return texts.get("error.locked");
        }
        if (e instanceof VaultUnavailableException unavailable) {
            String reason =
                    texts.get("error.unavailable." + unavailable.reason().name().toLowerCase(Locale.ROOT));
            return unavailable
                    .file()
                    .map(file -> reason + "\n" + texts.get("error.unavailable.file", file))
                    .orElse(reason);
        }
        if (e instanceof UnwritableFileException unwritable) {
            return texts.get(
                    "error.cannotWrite." + unwritable.why().name().toLowerCase(Locale.ROOT),
                    unwritable.file(),
                    unwritable.detail());
        }
        if (e instanceof BadInputException) {
            return e.getMessage();
        }
        if (e instanceof VaultException) {
            // the core's sentence is English: other languages say what it means for the user
            return texts.get("error.notDone", e.getMessage());
        }
        return texts.get("error.internal", e.getClass().getSimpleName());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.ExecutionException
                        || e instanceof java.util.concurrent.CompletionException
                        || e instanceof java.lang.reflect.UndeclaredThrowableException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
