package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account read from an import file, with the secrets the file carried. Owns those secrets:
 * {@link #close()} wipes them.
 */
public final class Candidate implements AutoCloseable {
    /** A credential; {@code value} is null when the file did not carry it (Thunderbird). */
    public record Credential(CredentialRef ref, Secret value, Optional<Instant> changedAt, String source) {}

    private final String source;
    private final String entry;
    private AccountSpec spec;
    private final List<Credential> credentials = new ArrayList<>();

    public Candidate(String source, String entry, AccountSpec spec) {
        this.source = source;
        this.entry = entry;
        this.spec = spec;
    }

    public String source() {
        return source;
    }

    public String entry() {
        return entry;
    }

    public AccountSpec spec() {
        return spec;
    }

    public void spec(AccountSpec replacement) {
        this.spec = replacement;
    }

    public List<Credential> credentials() {
        return List.copyOf(credentials);
    }

    public Optional<Credential> credential(CredentialRef ref) {
        return credentials.stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    /** Takes ownership of {@code value} (may be null). */
    public void add(CredentialRef ref, Secret value, Optional<Instant> changedAt, String from) {
        credentials.add(new Credential(ref, value, changedAt, from));
    }

    @Override
    public void close() {
        for (Credential c : credentials) {
            if (c.value() != null) {
                c.value().close();
            }
        }
    }
}
