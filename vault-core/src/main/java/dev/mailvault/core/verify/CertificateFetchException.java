package dev.mailvault.core.verify;

import dev.mailvault.core.PrintableText;
import dev.mailvault.core.VaultException;
import java.util.Locale;

/** A server's certificate could not be fetched; {@link #outcome()} says why, like a login check would. */
public class CertificateFetchException extends VaultException {
    private final transient Outcome outcome;
    private final String detail;

    public CertificateFetchException(Outcome outcome, String message) {
        this(outcome, message, "");
    }

    /** {@code detail} is what the check found, as a login check's message would say it. */
    public CertificateFetchException(Outcome outcome, String message, String detail) {
        super(message);
        this.outcome = outcome;
        this.detail = PrintableText.of(detail == null ? "" : detail);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** What the check found, in the given language; empty when nothing more than the outcome is known. */
    public String detail(Locale locale) {
        return CheckTexts.message(outcome, detail, locale);
    }
}
