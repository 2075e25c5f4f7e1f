package dev.mailvault.core.transfer;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.NewAccount;
import dev.mailvault.core.account.NewCredential;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.internal.Candidate;
import dev.mailvault.core.transfer.internal.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An import file read and checked, nothing written yet. {@link #apply} writes all its accounts in
 * one transaction. Holds the file's passwords until {@link #close()}, which wipes them: use it in
 * try-with-resources.
 */
public final class ImportPlan implements AutoCloseable {
    private final ImportFormat format;
    private final Parsed parsed;
    private boolean used;
    private boolean closed;

    ImportPlan(ImportFormat format, Parsed parsed) {
        this.format = format;
        this.parsed = parsed;
    }

    public ImportFormat format() {
        return format;
    }

    /** The accounts the file describes, in file order, one per address. */
    public List<PlannedAccount> accounts() {
        List<PlannedAccount> out = new ArrayList<>();
        for (Candidate c : parsed.candidates()) {
            out.add(planned(c));
        }
        return out;
    }

    /** Entries the file holds that will not be added, with their reasons. */
    public List<Skipped> skipped() {
        return parsed.skipped();
    }

    /** Whether some account needs a password from the caller (a Thunderbird profile). */
    public boolean needsPasswords() {
        return accounts().stream().anyMatch(a -> !a.missingPasswords().isEmpty());
    }

    /** {@link #apply(VaultSession, PasswordSource)} for files that carry their passwords. */
    public ImportReport apply(VaultSession session) {
        return apply(session, PasswordSource.none());
    }

    /**
     * Adds every planned account that is not in the vault yet, in one transaction: all or nothing.
     * Addresses already in the vault are reported as skipped, not as errors. {@code passwords} is
     * asked only for the accounts that will be added and lack a password; an empty answer skips
     * that account. Nothing is written when nothing is to be added. Runs once per plan.
     */
    public ImportReport apply(VaultSession session, PasswordSource passwords) {
        if (closed || used) {
            throw new IllegalStateException("an import plan is applied once, before it is closed");
        }
        used = true;
        List<Skipped> skipped = new ArrayList<>(parsed.skipped());
        List<Secret> given = new ArrayList<>();
        try {
            List<NewAccount> accounts = new ArrayList<>();
            List<Imported> added = new ArrayList<>();
            for (Candidate c : parsed.candidates()) {
                if (session.findAccount(c.spec().address()).isPresent()) {
                    skipped.add(new Skipped(c.source(), c.entry(), SkipReason.ALREADY_IN_VAULT, ""));
                    continue;
                }
                PlannedAccount plan = planned(c);
                List<NewCredential> credentials = new ArrayList<>();
                boolean complete = true;
                for (Candidate.Credential credential : c.credentials()) {
                    Secret value = credential.value();
                    if (value == null) {
                        Optional<Secret> answer = passwords.passwordFor(plan, credential.ref());
                        if (answer.isEmpty() || answer.get().isEmpty()) {
                            answer.ifPresent(Secret::close);
                            complete = false;
                            break;
                        }
                        value = answer.get();
                        given.add(value);
                    }
                    credentials.add(new NewCredential(credential.ref(), value, credential.changedAt()));
                }
                if (!complete) {
                    skipped.add(new Skipped(c.source(), c.entry(), SkipReason.NO_PASSWORD, ""));
                    continue;
                }
                accounts.add(new NewAccount(c.spec(), credentials));
                added.add(new Imported(c.source(), c.spec().address(), plan.credentials()));
            }
            if (!accounts.isEmpty()) {
                session.addAccounts(accounts);
            }
            return new ImportReport(added, skipped);
        } finally {
            given.forEach(Secret::close);
        }
    }

    private static PlannedAccount planned(Candidate c) {
        List<CredentialRef> refs = new ArrayList<>();
        List<CredentialRef> missing = new ArrayList<>();
        for (Candidate.Credential credential : c.credentials()) {
            refs.add(credential.ref());
            if (credential.value() == null) {
                missing.add(credential.ref());
            }
        }
        return new PlannedAccount(c.source(), c.spec(), refs, missing);
    }

    /** Wipes the passwords read from the file. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            parsed.close();
        }
    }

    @Override
    public String toString() {
        return "ImportPlan[" + format + ", " + parsed.candidates().size() + " accounts, "
                + parsed.skipped().size() + " skipped]";
    }
}
