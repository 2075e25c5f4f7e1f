package dev.mailvault.core.devices;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which of an account's mail passwords a device needs typed in again. The steps differ: a device
 * that needs only the new IMAP password must not be told to type it over its SMTP password, which
 * still works, nor the other way round.
 */
public enum ReentryScope {
    /** Only the incoming (IMAP) password changed; the outgoing one stays as it is. */
    IMAP_ONLY("imap"),
    /** Only the outgoing (SMTP) password changed; the incoming one stays as it is. */
    SMTP_ONLY("smtp"),
    /** Both passwords changed, or one password serves both servers ("SMTP same as IMAP"). */
    BOTH("both");

    private final String id;

    ReentryScope(String id) {
        this.id = id;
    }

    /** The word the steps bundle uses for this scope. */
    String id() {
        return id;
    }

    /**
     * The scope for the given credentials of an account: with one password for both servers, a
     * change of it is a change of both; otherwise IMAP alone, SMTP alone, or both.
     */
    public static ReentryScope of(boolean smtpSameAsImap, Collection<CredentialRef> credentials) {
        if (smtpSameAsImap) {
            return BOTH;
        }
        boolean imap = credentials.stream().anyMatch(c -> c.kind() == CredentialKind.IMAP);
        boolean smtp = credentials.stream().anyMatch(c -> c.kind() == CredentialKind.SMTP);
        if (imap && !smtp) {
            return IMAP_ONLY;
        }
        if (smtp && !imap) {
            return SMTP_ONLY;
        }
        return BOTH;
    }

    /**
     * What {@code device} needs typed in for {@code account}: the passwords of its uses of that
     * account that need re-entry, or, when none does, every password of that account it holds.
     */
    public static ReentryScope of(DeviceInfo device, AccountSpec account) {
        List<CredentialRef> held = new ArrayList<>();
        List<CredentialRef> stale = new ArrayList<>();
        for (DeviceInfo.Use use : device.uses()) {
            if (use.account().compareTo(account.address()) == 0) {
                held.add(use.credential());
                if (use.needsReentry()) {
                    stale.add(use.credential());
                }
            }
        }
        return of(account.smtpSameAsImap(), stale.isEmpty() ? held : stale);
    }
}
