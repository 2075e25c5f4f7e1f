package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.core.transfer.Skipped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader made of a file: the accounts in file order, one per address, and the entries it
 * left out. Owns the candidates' secrets until they are taken.
 */
public final class Parsed implements AutoCloseable {
    /** By address in lower case: the vault treats addresses that differ in case as one. */
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();

    private final List<Skipped> skipped = new ArrayList<>();

    /** Adds an account; one whose address came earlier is skipped (and its secrets wiped). */
    public void add(Candidate c) {
        Candidate first = candidates.get(key(c.spec().address()));
        if (first != null) {
            skipped.add(new Skipped(
                    c.source(),
                    c.entry(),
                    SkipReason.DUPLICATE_IN_FILE,
                    first.source() + (first.entry().isEmpty() ? "" : " (" + first.entry() + ")")));
            c.close();
            return;
        }
        candidates.put(key(c.spec().address()), c);
    }

    public void skip(Skipped s) {
        skipped.add(s);
    }

    public Optional<Candidate> candidate(Address address) {
        return Optional.ofNullable(candidates.get(key(address)));
    }

    public List<Candidate> candidates() {
        return List.copyOf(candidates.values());
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    private static String key(Address address) {
        return address.value().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        candidates.values().forEach(Candidate::close);
    }
}
