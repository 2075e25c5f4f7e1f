package dev.mailvault.core;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.account.NewAccount;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Protocol;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unlocked vault. Every change is one transaction; {@link #close()} wipes the keys. Secrets
 * returned by this interface belong to the caller, who closes them.
 *
 * <p>Lookups by address or device name throw {@link NotFoundException} when nothing matches.
 */
public interface VaultSession extends AutoCloseable {
    Path file();

    Clock clock();

    KdfParameters kdfParameters();

    /**
     * Set when the vault's generation counter is older than the last one seen on this machine: an
     * older copy of the vault may have been put in its place.
     */
    Optional<Rollback> rollback();

    /** The vault's {@code generation} and the newer one this machine saw last. */
    record Rollback(long generation, long lastSeen) {}

    // accounts

    List<AccountInfo> accounts();

    Optional<AccountInfo> findAccount(Address address);

    AccountInfo account(Address address);

    /**
     * Adds an account with its IMAP secret and, unless {@code spec.smtpSameAsImap()}, its SMTP
     * secret. An address already present is refused with {@link BadInputException}.
     */
    AccountInfo addAccount(AccountSpec spec, Secret imapSecret, Secret smtpSecretOrNull);

    /**
     * Adds several accounts with all their credentials in one transaction: either all are added or
     * none. An address already present, or given twice, is refused with {@link BadInputException}.
     * A {@code changedAt} in the future counts as now.
     */
    void addAccounts(List<NewAccount> accounts);

    /**
     * Replaces an account's settings. Changing {@code smtpSameAsImap} from true to false needs
     * {@code newSmtpSecretOrNull}; from false to true drops the separate SMTP credential.
     */
    AccountInfo updateAccount(Address address, AccountSpec spec, Secret newSmtpSecretOrNull);

    void removeAccount(Address address);

    // credentials

    /**
     * Sets a credential's current value, creating an app or portal credential that does not exist
     * yet. When the value really changes, the old one goes to history and {@code changed_at} moves;
     * an equal value changes nothing.
     */
    void setSecret(Address address, CredentialRef ref, Secret value);

    void removeCredential(Address address, CredentialRef ref);

    /** The current value; for {@code smtp} on an account where SMTP is the same as IMAP, the IMAP value. */
    Secret secret(Address address, CredentialRef ref);

    Optional<Secret> pendingSecret(Address address, CredentialRef ref);

    /** One value to read with {@link #secrets}: a credential's current value, or its pending one. */
    record SecretLookup(Address address, CredentialRef ref, boolean pending) {
        public SecretLookup {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * Many values in one read, in the order asked: what {@link #secret} and {@link #pendingSecret}
     * give one at a time, for runs over many accounts. A missing account or credential, or a
     * pending value that does not exist, is an error, and then nothing is returned.
     */
    List<Secret> secrets(List<SecretLookup> lookups);

    /** Earlier values, newest first. */
    List<HistoryEntry> history(Address address, CredentialRef ref);

    // rotation primitives (the rules that use them live in the rotation package)

    /** Stores {@code value} as the pending value, replacing any earlier pending value. */
    void setPending(Address address, CredentialRef ref, Secret value);

    /**
     * Makes the pending value current in one transaction: the old value goes to history (the last
     * {@code historyLimit} are kept), {@code changed_at} becomes now, every device using the
     * credential needs re-entry; rotating the IMAP credential marks the account's app passwords
     * suspect. {@code verified} false records the promotion as unverified.
     */
    void promotePending(Address address, CredentialRef ref, boolean verified);

    void abandonPending(Address address, CredentialRef ref);

    void setSuspect(Address address, CredentialRef ref, boolean suspect);

    // certificates

    /** Stores (or with null, clears) the pinned server certificate, DER-encoded, for one protocol. */
    void pinCertificate(Address address, Protocol protocol, byte[] derOrNull);

    Optional<byte[]> pinnedCertificate(Address address, Protocol protocol);

    // devices

    /** Registers a device that holds the current values of the given accounts' IMAP and SMTP credentials. */
    DeviceInfo addDevice(String name, DeviceType type, List<Address> uses);

    /** Marks re-entry done for all the device's credentials, or only those of one account. */
    void markDeviceDone(String name, Optional<Address> account);

    void removeDevice(String name);

    List<DeviceInfo> devices();

    // checks

    /** How many checks are kept per credential, protocol and value (current or pending). */
    int CHECKS_KEPT = 20;

    /**
     * Stores check results in one transaction; server texts are encrypted like other metadata.
     * {@code smtp} on an account whose SMTP uses the IMAP password means the IMAP credential.
     * Older checks beyond the newest {@link #CHECKS_KEPT} of each credential, protocol and value
     * go in the same transaction, so that the history (read on every unlock for the last checks)
     * does not grow without end; no screen or command shows more of it.
     */
    void recordChecks(List<CredentialCheck> checks);

    /** The newest check of one credential over one protocol and slot. */
    Optional<CheckResult> lastCheck(Address address, CredentialRef ref, Protocol protocol, CheckResult.Slot slot);

    /** The newest checks of an account, newest first. */
    List<CheckResult> checks(Address address, int limit);

    // master password

    /**
     * Re-wraps the vault key under a new master password; the old one stops working. An empty one
     * is {@link BadInputException}, and nothing changes.
     */
    void changeMasterPassword(Secret newMasterPassword, KdfParameters parameters);

    // copies

    /**
     * Writes a consistent copy of the vault, still encrypted under the same master password, to a
     * new file (mode 0600). An existing file is never overwritten: {@link BadInputException}.
     */
    void backupTo(Path target);

    /** Wipes the keys and closes the file. */
    @Override
    void close();
}
