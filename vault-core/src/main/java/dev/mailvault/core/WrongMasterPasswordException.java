package dev.mailvault.core;

/** The master password does not open this vault. The message is fixed and says nothing more. */
public final class WrongMasterPasswordException extends VaultException {
    public static final String MESSAGE = "wrong master password";

    public WrongMasterPasswordException() {
        super(MESSAGE);
    }
}
