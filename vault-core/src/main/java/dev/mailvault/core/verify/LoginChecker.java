package dev.mailvault.core.verify;

import dev.mailvault.core.verify.mail.JakartaMailLoginChecker;

/**
 * Logs in once (IMAP {@code LOGIN}/{@code AUTHENTICATE} or SMTP {@code AUTH}) and logs out again,
 * opening no folder and sending no mail. Never throws for what the server or network does: every
 * such result is a {@link CheckResult} with an {@link Outcome}. Safe to call from several threads.
 */
public interface LoginChecker extends AutoCloseable {

    CheckResult check(VerifyTarget target, CheckResult.Slot slot, Cancellation cancellation);

    default CheckResult check(VerifyTarget target, CheckResult.Slot slot) {
        return check(target, slot, Cancellation.never());
    }

    /** Releases the checker's helper thread; checks must not be running. */
    @Override
    default void close() {}

    /**
     * The Jakarta Mail (Eclipse Angus) checker. Make one per run and close it when done: its
     * checks resume the TLS sessions of its earlier checks with the same trust, so a server's
     * certificate is checked again only by a new checker.
     */
    static LoginChecker jakartaMail(VerifyOptions options) {
        return new JakartaMailLoginChecker(options);
    }
}
