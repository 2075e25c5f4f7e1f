package dev.mailvault.core.doctor;

import dev.mailvault.core.account.Address;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code vault doctor} found for one account, most important first, ending with what to do next. */
public record Diagnosis(Address account, String providerId, List<Finding> findings) {
    public Diagnosis {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(providerId, "providerId");
        findings = List.copyOf(findings);
    }

    /** Whether anything was found that needs action; the CLI exits 1 then, 0 otherwise. */
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity().isProblem());
    }

    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity().isProblem()).toList();
    }

    public Set<FindingCode> codes() {
        return findings.stream().map(Finding::code).collect(Collectors.toUnmodifiableSet());
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /** Every finding's text in order, one entry per finding. */
    public List<String> texts(Locale locale) {
        return findings.stream().map(f -> f.text(locale)).toList();
    }
}
