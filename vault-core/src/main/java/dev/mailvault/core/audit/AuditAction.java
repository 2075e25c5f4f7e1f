package dev.mailvault.core.audit;

import java.util.Locale;

/** The kind of next step a flag asks for; the flag's own text says it in one line. */
public enum AuditAction {
    /** Set a new password at the provider and store it. */
    ROTATE,
    /** Run a login check. */
    VERIFY,
    /** Let the doctor explain a failing login. */
    DOCTOR,
    /** Enter the current password on the devices that hold an old one, and tick them off. */
    DEVICES;

    /** The stable lower-case name used in JSON and CSV. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
