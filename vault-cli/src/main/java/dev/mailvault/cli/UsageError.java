package dev.mailvault.cli;

import dev.mailvault.core.BadInputException;

/** Bad input the command line itself found; the message is already in the user's language. */
public final class UsageError extends BadInputException {
    public UsageError(String localizedMessage) {
        super(localizedMessage);
    }
}
