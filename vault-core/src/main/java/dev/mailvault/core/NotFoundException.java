package dev.mailvault.core;

/** A named account, credential or device does not exist in the vault. */
public final class NotFoundException extends BadInputException {
    public NotFoundException(String message) {
        super(message);
    }
}
