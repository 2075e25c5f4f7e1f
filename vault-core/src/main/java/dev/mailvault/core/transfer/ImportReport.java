package dev.mailvault.core.transfer;

import java.util.List;

/** What an import did: the accounts added and every entry left out, with its reason. */
public record ImportReport(List<Imported> added, List<Skipped> skipped) {
    public ImportReport {
        added = List.copyOf(added);
        skipped = List.copyOf(skipped);
    }
}
