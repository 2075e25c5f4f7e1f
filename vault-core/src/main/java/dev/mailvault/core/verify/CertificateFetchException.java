package dev.mailvault.core.verify;

import dev.mailvault.core.VaultException;

/** A server's certificate could not be fetched; {@link #outcome()} says why, like a login check would. */
public class CertificateFetchException extends VaultException {
    private final transient Outcome outcome;

    public CertificateFetchException(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
