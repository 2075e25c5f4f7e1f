package dev.mailvault.core.transfer.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One login of a password manager's export, format aside: a KeePassXC row or a Bitwarden item.
 * {@code password} is owned by the entry and wiped by {@link #close()}.
 */
public record LoginEntry(
        String source,
        String title,
        String username,
        char[] password,
        List<String> urls,
        String notes,
        List<String> fieldLines,
        Optional<Instant> changedAt)
        implements AutoCloseable {

    public LoginEntry {
        title = title == null ? "" : title.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? new char[0] : password;
        urls = List.copyOf(urls);
        notes = notes == null ? "" : notes;
        fieldLines = List.copyOf(fieldLines);
        changedAt = changedAt == null ? Optional.empty() : changedAt;
    }

    /** How the entry is called in its file, for reports. */
    public String label() {
        return title.isEmpty() ? username : title;
    }

    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "LoginEntry[" + source + ", " + label() + "]";
    }
}
