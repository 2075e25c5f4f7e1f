package dev.mailvault.core.rotation;

import dev.mailvault.core.BadInputException;

/**
 * A rotation refused because the new value is the one already in use: nothing would change at the
 * provider. Nothing was stored; the CLI and the app say so in the user's language.
 */
public final class SameAsCurrentException extends BadInputException {
    SameAsCurrentException() {
        super("the new password is the same as the current one; nothing was stored");
    }
}
