package dev.mailvault.core.doctor;

/** How much a finding matters. {@link #PROBLEM} and {@link #WARNING} make {@code vault doctor} exit 1. */
public enum Severity {
    /** Something that makes a login fail or will make it fail. */
    PROBLEM,
    /** Something the user should act on, such as a device that still has the old password. */
    WARNING,
    /** Context and advice: where to reset the password, which devices to update. */
    INFO;

    public boolean isProblem() {
        return this != INFO;
    }
}
