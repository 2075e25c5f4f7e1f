package dev.mailvault.core.account;

import dev.mailvault.core.crypto.Secret;
import java.time.Instant;

/** An earlier value of a credential: in use from {@code changedAt} until {@code replacedAt}. */
public record HistoryEntry(Instant changedAt, Instant replacedAt, Secret value) implements AutoCloseable {
    @Override
    public void close() {
        value.close();
    }
}
