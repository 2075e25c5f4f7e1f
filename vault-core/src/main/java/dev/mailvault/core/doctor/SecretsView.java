package dev.mailvault.core.doctor;

import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored values the doctor may inspect, opened by the caller from the vault: current values
 * (IMAP, SMTP, app passwords, the portal login) and pending ones. The doctor never closes them and
 * never turns them into Strings; the caller closes them after {@link Doctor#diagnose}.
 */
public final class SecretsView {
    private final Map<CredentialRef, Secret> current;
    private final Map<CredentialRef, Secret> pending;

    private SecretsView(Map<CredentialRef, Secret> current, Map<CredentialRef, Secret> pending) {
        this.current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        this.pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending));
    }

    public static SecretsView empty() {
        return new SecretsView(Map.of(), Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Secret> current(CredentialRef ref) {
        return Optional.ofNullable(current.get(ref));
    }

    public Optional<Secret> pending(CredentialRef ref) {
        return Optional.ofNullable(pending.get(ref));
    }

    public Optional<Secret> portal() {
        return current(CredentialRef.PORTAL);
    }

    Map<CredentialRef, Secret> currentValues() {
        return current;
    }

    Map<CredentialRef, Secret> pendingValues() {
        return pending;
    }

    @Override
    public String toString() {
        return "SecretsView[current=" + current.keySet() + ", pending=" + pending.keySet() + "]";
    }

    public static final class Builder {
        private final Map<CredentialRef, Secret> current = new LinkedHashMap<>();
        private final Map<CredentialRef, Secret> pending = new LinkedHashMap<>();

        private Builder() {}

        public Builder current(CredentialRef ref, Secret value) {
            current.put(Objects.requireNonNull(ref), Objects.requireNonNull(value));
            return this;
        }

        public Builder pending(CredentialRef ref, Secret value) {
            pending.put(Objects.requireNonNull(ref), Objects.requireNonNull(value));
            return this;
        }

        public Builder imap(Secret value) {
            return current(CredentialRef.IMAP, value);
        }

        public Builder smtp(Secret value) {
            return current(CredentialRef.SMTP, value);
        }

        public Builder portal(Secret value) {
            return current(CredentialRef.PORTAL, value);
        }

        public SecretsView build() {
            return new SecretsView(current, pending);
        }
    }
}
