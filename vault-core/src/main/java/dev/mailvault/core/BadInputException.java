package dev.mailvault.core;

/** Input that the core refuses: the message says what was wrong and what is allowed. */
public class BadInputException extends VaultException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
