package dev.mailvault.core.store.sqlite;

import static dev.mailvault.core.testing.TestVaults.secret;
import static dev.mailvault.core.testing.TestVaults.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultStoreTest {
    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    VaultService service;
    Path file;

    @BeforeEach
    void setUp() {
        service = TestVaults.service(clock, dir.resolve("state"));
        file = dir.resolve("data/mailvault/vault.db");
    }

    @Nested
    @DisplayName("creating a vault")
    class Creating {
        @Test
        @DisplayName("makes the file 0600 in a new 0700 folder")
        void permissions() throws Exception {
            TestVaults.create(service, file).close();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }

        @Test
        @DisplayName("refuses to overwrite an existing file and leaves it untouched")
        void refusesOverwrite() throws Exception {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "precious");
            try (Secret m = TestVaults.master()) {
                assertThatThrownBy(() -> service.create(file, m, KdfParameters.FLOOR))
                        .isInstanceOf(BadInputException.class)
                        .hasMessageContaining("already exists");
            }
            assertThat(Files.readString(file)).isEqualTo("precious");
        }

        @Test
        @DisplayName("puts the finished vault in place only if nothing appeared there during the KDF")
        void publishNeverReplaces() throws Exception {
            Files.createDirectories(file.getParent());
            Path tmp = Files.writeString(file.resolveSibling(".vault-init1.tmp"), "new vault");
            Files.writeString(file, "made by another init meanwhile");
            assertThatThrownBy(() -> SqliteVault.publish(tmp, file)).isInstanceOf(FileAlreadyExistsException.class);
            assertThat(Files.readString(file)).isEqualTo("made by another init meanwhile");

            Files.delete(file);
            SqliteVault.publish(tmp, file);
            assertThat(Files.readString(file)).isEqualTo("new vault");
            assertThat(tmp).doesNotExist();
        }

        @Test
        @DisplayName("the copy made before a migration is readable by the owner only")
        void migrationBackupOwnerOnly() throws Exception {
            TestVaults.create(service, file).close();
            Path backup = file.resolveSibling("vault.db.before-v2.bak");
            try (Connection db = SqliteVault.connect(file)) {
                SqliteVault.backUp(db, file, backup);
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
            try (Connection copy = SqliteVault.connect(backup);
                    Statement s = copy.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM vault_header")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Nested
    @DisplayName("opening")
    class Opening {
        @Test
        @DisplayName("a wrong master password gives one fixed error")
        void wrongPassword() {
            TestVaults.create(service, file).close();
            assertThatThrownBy(() -> service.open(file, secret("wrong")))
                    .isInstanceOf(WrongMasterPasswordException.class)
                    .hasMessage(WrongMasterPasswordException.MESSAGE);
        }

        @Test
        @DisplayName("a missing file is reported as missing")
        void missing() {
            assertThatThrownBy(() -> service.open(dir.resolve("nope.db"), TestVaults.master()))
                    .isInstanceOfSatisfying(
                            VaultUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(VaultUnavailableException.Reason.MISSING));
        }

        @Test
        @DisplayName("the new master password works after passwd, the old one no longer does")
        void changeMasterPassword() {
            try (VaultSession s = TestVaults.create(service, file)) {
                s.addAccount(spec("alice@example.net"), secret("imap-secret"), null);
                s.changeMasterPassword(secret("new master"), KdfParameters.FLOOR);
            }
            assertThatThrownBy(() -> service.open(file, TestVaults.master()))
                    .isInstanceOf(WrongMasterPasswordException.class);
            try (VaultSession s = service.open(file, secret("new master"));
                    Secret value = s.secret(Address.of("alice@example.net"), CredentialRef.IMAP)) {
                assertThat(value.revealChars()).isEqualTo("imap-secret".toCharArray());
            }
        }

        @Test
        @DisplayName("an empty new master password is refused and the old one keeps working")
        void emptyNewMasterPassword() {
            try (VaultSession s = TestVaults.create(service, file)) {
                assertThatThrownBy(() -> s.changeMasterPassword(secret(""), KdfParameters.FLOOR))
                        .isInstanceOf(BadInputException.class)
                        .hasMessage("the master password must not be empty");
            }
            service.open(file, TestVaults.master()).close();
        }
    }

    @Nested
    @DisplayName("when unlocked")
    class Unlocked {
        VaultSession session;
        Address alice = Address.of("alice@example.net");

        @BeforeEach
        void open() {
            session = TestVaults.create(service, file);
        }

        @AfterEach
        void close() {
            session.close();
        }

        /** A check of a current value at example.net's server for {@code protocol}, without server texts. */
        CheckResult currentCheck(Protocol protocol, Outcome outcome, long millis, Instant at) {
            boolean imap = protocol == Protocol.IMAP;
            return new CheckResult(
                    protocol,
                    CheckResult.Slot.CURRENT,
                    outcome,
                    imap ? "imap.example.net" : "smtp.example.net",
                    imap ? 993 : 465,
                    "",
                    "",
                    "",
                    millis,
                    at);
        }

        /** bob@example.net, whose SMTP login has a password of its own. */
        AccountSpec bobWithOwnSmtpPassword() {
            AccountSpec s = spec("bob@example.net");
            return new AccountSpec(
                    s.address(), "", "generic", s.imap(), s.smtp(), "bob", "bob-smtp", false, null, null, null);
        }

        @Test
        @DisplayName("an added account reads back with its secret, and survives reopening")
        void addAndRead() {
            session.addAccount(spec("alice@example.net"), secret("s3cret"), null);
            session.close();
            try (Secret m = TestVaults.master()) {
                session = service.open(file, m);
            }
            AccountInfo info = session.account(alice);
            assertThat(info.spec()).isEqualTo(spec("alice@example.net"));
            assertThat(info.imapCredential().changedAt()).isEqualTo(clock.instant());
            try (Secret s = session.secret(alice, CredentialRef.SMTP)) {
                assertThat(s.revealChars()).as("SMTP same as IMAP").isEqualTo("s3cret".toCharArray());
            }
        }

        @Test
        @DisplayName("an address already present is refused and nothing changes")
        void duplicate() {
            session.addAccount(spec("alice@example.net"), secret("a"), null);
            assertThatThrownBy(() -> session.addAccount(spec("Alice@EXAMPLE.net"), secret("b"), null))
                    .isInstanceOf(BadInputException.class);
            assertThat(session.accounts()).hasSize(1);
        }

        @Test
        @DisplayName("an account may change the case of its own address; the domain stays lower case")
        void editOwnAddressCase() {
            session.addAccount(spec("Taro@example.net"), secret("s3cret"), null);
            AccountInfo edited = session.updateAccount(Address.of("Taro@example.net"), spec("taro@EXAMPLE.net"), null);
            assertThat(edited.address().value()).isEqualTo("taro@example.net");
            session.close();
            try (Secret m = TestVaults.master()) {
                session = service.open(file, m);
            }
            assertThat(session.accounts()).extracting(a -> a.address().value()).containsExactly("taro@example.net");
            for (String given : List.of("taro@example.net", "Taro@example.net", "TARO@Example.NET")) {
                assertThat(session.findAccount(Address.of(given)))
                        .as(given)
                        .hasValueSatisfying(a -> assertThat(a.address().value()).isEqualTo("taro@example.net"));
            }
            try (Secret v = session.secret(Address.of("TARO@example.net"), CredentialRef.IMAP)) {
                assertThat(v.revealChars()).isEqualTo("s3cret".toCharArray());
            }
        }

        @Test
        @DisplayName("editing an address to another account's, in any case, is refused and nothing changes")
        void editToAnotherAccountsAddress() {
            session.addAccount(spec("alice@example.net"), secret("a"), null);
            session.addAccount(spec("Bob@example.net"), secret("b"), null);
            for (String given : List.of("alice@example.net", "ALICE@example.net")) {
                assertThatThrownBy(() -> session.updateAccount(Address.of("Bob@example.net"), spec(given), null))
                        .as(given)
                        .isInstanceOf(BadInputException.class)
                        .hasMessage(given + " is already in the vault");
            }
            assertThat(session.accounts())
                    .extracting(a -> a.address().value())
                    .containsExactly("alice@example.net", "Bob@example.net");
        }

        @Test
        @DisplayName("a separate SMTP password is kept apart from the IMAP one")
        void separateSmtp() {
            AccountSpec separate = bobWithOwnSmtpPassword();
            session.addAccount(separate, secret("imap"), secret("smtp"));
            try (Secret v = session.secret(separate.address(), CredentialRef.SMTP)) {
                assertThat(v.revealChars()).isEqualTo("smtp".toCharArray());
            }
            assertThat(session.account(separate.address()).credentials()).hasSize(2);
        }

        @Test
        @DisplayName("changed_at moves only when the value really changes; the old value goes to history")
        void changedAtOnlyOnChange() {
            session.addAccount(spec("alice@example.net"), secret("one"), null);
            Instant created = clock.instant();
            clock.advance(Duration.ofDays(1));
            session.setSecret(alice, CredentialRef.IMAP, secret("one"));
            assertThat(session.account(alice).imapCredential().changedAt()).isEqualTo(created);
            session.setSecret(alice, CredentialRef.IMAP, secret("two"));
            assertThat(session.account(alice).imapCredential().changedAt()).isEqualTo(clock.instant());
            List<HistoryEntry> history = session.history(alice, CredentialRef.IMAP);
            assertThat(history).hasSize(1);
            assertThat(history.get(0).value().revealChars()).isEqualTo("one".toCharArray());
            assertThat(history.get(0).changedAt()).isEqualTo(created);
        }

        @Test
        @DisplayName("promotion: history kept, devices need re-entry, app passwords suspect")
        void promote() {
            session.addAccount(spec("alice@example.net"), secret("old"), null);
            session.setSecret(alice, CredentialRef.app("iPhone"), secret("app-pass"));
            session.addDevice("Alice's iPhone", DeviceType.IPHONE, List.of(alice));
            clock.advance(Duration.ofMinutes(5));
            session.setPending(alice, CredentialRef.IMAP, secret("new"));
            assertThat(session.account(alice).imapCredential().hasPending()).isTrue();
            try (Secret current = session.secret(alice, CredentialRef.IMAP)) {
                assertThat(current.revealChars())
                        .as("current untouched while pending")
                        .isEqualTo("old".toCharArray());
            }
            clock.advance(Duration.ofMinutes(5));
            session.promotePending(alice, CredentialRef.IMAP, true);

            AccountInfo info = session.account(alice);
            assertThat(info.imapCredential().hasPending()).isFalse();
            assertThat(info.imapCredential().changedAt()).isEqualTo(clock.instant());
            assertThat(info.credential(CredentialRef.app("iPhone"))
                            .orElseThrow()
                            .suspect())
                    .isTrue();
            assertThat(info.staleDevices()).isEqualTo(1);
            try (Secret current = session.secret(alice, CredentialRef.IMAP)) {
                assertThat(current.revealChars()).isEqualTo("new".toCharArray());
            }
            assertThat(session.history(alice, CredentialRef.IMAP).get(0).value().revealChars())
                    .isEqualTo("old".toCharArray());
            DeviceInfo device = session.devices().get(0);
            assertThat(device.stale()).isTrue();

            clock.advance(Duration.ofMinutes(1));
            session.markDeviceDone("alice's iphone", Optional.of(alice));
            assertThat(session.devices().get(0).stale()).isFalse();
            assertThat(session.account(alice).staleDevices()).isZero();
        }

        @Test
        @DisplayName("many values read at once are the ones read one by one, in the order asked")
        void secretsAtOnce() {
            session.addAccount(spec("alice@example.net"), secret("alice-imap"), null);
            AccountSpec bob = bobWithOwnSmtpPassword();
            session.addAccount(bob, secret("bob-imap"), secret("bob-smtp"));
            session.addAccount(spec("carol@example.net"), secret("carol-imap"), null);
            session.setSecret(alice, CredentialRef.app("iPhone"), secret("alice-app"));
            session.setPending(alice, CredentialRef.IMAP, secret("alice-new"));

            List<Secret> values = session.secrets(List.of(
                    new VaultSession.SecretLookup(bob.address(), CredentialRef.SMTP, false),
                    new VaultSession.SecretLookup(Address.of("ALICE@example.net"), CredentialRef.SMTP, false),
                    new VaultSession.SecretLookup(alice, CredentialRef.IMAP, true),
                    new VaultSession.SecretLookup(alice, CredentialRef.app("IPHONE"), false),
                    new VaultSession.SecretLookup(bob.address(), CredentialRef.IMAP, false)));

            assertThat(values)
                    .extracting(v -> new String(v.revealChars()))
                    .as("carol is not asked for; SMTP same as IMAP gives the IMAP value; labels ignore case")
                    .containsExactly("bob-smtp", "alice-imap", "alice-new", "alice-app", "bob-imap");
            values.forEach(Secret::close);
        }

        @Test
        @DisplayName("many values at once: a missing account, credential or pending value is an error")
        void secretsAtOnceMissing() {
            session.addAccount(spec("alice@example.net"), secret("alice-imap"), null);
            VaultSession.SecretLookup present = new VaultSession.SecretLookup(alice, CredentialRef.IMAP, false);

            assertThatThrownBy(() -> session.secrets(List.of(
                            present,
                            new VaultSession.SecretLookup(
                                    Address.of("nobody@example.net"), CredentialRef.IMAP, false))))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nobody@example.net");
            assertThatThrownBy(() -> session.secrets(
                            List.of(present, new VaultSession.SecretLookup(alice, CredentialRef.app("iPad"), false))))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("iPad");
            assertThatThrownBy(() -> session.secrets(
                            List.of(present, new VaultSession.SecretLookup(alice, CredentialRef.IMAP, true))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(session.secrets(List.of())).isEmpty();
        }

        @Test
        @DisplayName("checks of many accounts are recorded against the right credentials, or none at all")
        void recordManyChecks() {
            session.addAccount(spec("alice@example.net"), secret("a"), null);
            AccountSpec bob = bobWithOwnSmtpPassword();
            session.addAccount(bob, secret("b-imap"), secret("b-smtp"));
            CheckResult ok = currentCheck(Protocol.SMTP, Outcome.OK, 80, clock.instant());

            session.recordChecks(List.of(
                    new CredentialCheck(Address.of("ALICE@example.net"), CredentialRef.SMTP, ok),
                    new CredentialCheck(bob.address(), CredentialRef.SMTP, ok)));

            assertThat(session.account(alice).lastChecks()).containsExactly(ok);
            assertThat(session.account(bob.address()).lastChecks()).containsExactly(ok);
            assertThat(session.checks(alice, 10)).containsExactly(ok);

            assertThatThrownBy(() -> session.recordChecks(List.of(
                            new CredentialCheck(alice, CredentialRef.IMAP, ok),
                            new CredentialCheck(Address.of("nobody@example.net"), CredentialRef.IMAP, ok))))
                    .isInstanceOf(NotFoundException.class);
            assertThat(session.checks(alice, 10))
                    .as("nothing of the refused batch")
                    .containsExactly(ok);
        }

        @Test
        @DisplayName("keeps the newest checks of each credential, protocol and value, and drops older ones")
        void checkHistoryBounded() {
            session.addAccount(spec("alice@example.net"), secret("a"), null);
            List<CheckResult> imap = new ArrayList<>();
            for (int i = 0; i < VaultSession.CHECKS_KEPT + 5; i++) {
                clock.advance(Duration.ofMinutes(1));
                CheckResult r = currentCheck(Protocol.IMAP, Outcome.OK, i, clock.instant());
                imap.add(0, r);
                session.recordChecks(List.of(new CredentialCheck(alice, CredentialRef.IMAP, r)));
            }
            CheckResult smtp = currentCheck(
                    Protocol.SMTP, Outcome.AUTH_FAILED, 7, clock.instant().minus(Duration.ofDays(30)));
            session.recordChecks(List.of(new CredentialCheck(alice, CredentialRef.SMTP, smtp)));

            List<CheckResult> kept = session.checks(alice, 100);
            assertThat(kept).hasSize(VaultSession.CHECKS_KEPT + 1);
            assertThat(kept.subList(0, VaultSession.CHECKS_KEPT))
                    .containsExactlyElementsOf(imap.subList(0, VaultSession.CHECKS_KEPT));
            assertThat(kept).as("an old check of another protocol stays").contains(smtp);
            assertThat(session.account(alice).lastChecks()).containsExactlyInAnyOrder(imap.get(0), smtp);
        }

        @Test
        @DisplayName("abandoning a rotation drops the pending value and keeps the current one")
        void abandon() {
            session.addAccount(spec("alice@example.net"), secret("old"), null);
            session.setPending(alice, CredentialRef.IMAP, secret("new"));
            session.abandonPending(alice, CredentialRef.IMAP);
            assertThat(session.pendingSecret(alice, CredentialRef.IMAP)).isEmpty();
            assertThat(session.secret(alice, CredentialRef.IMAP).revealChars()).isEqualTo("old".toCharArray());
        }

        @Test
        @DisplayName("only the last 10 earlier values are kept")
        void historyLimit() {
            session.addAccount(spec("alice@example.net"), secret("v0"), null);
            for (int i = 1; i <= 12; i++) {
                clock.advance(Duration.ofDays(1));
                session.setSecret(alice, CredentialRef.IMAP, secret("v" + i));
            }
            List<HistoryEntry> history = session.history(alice, CredentialRef.IMAP);
            assertThat(history).hasSize(10);
            assertThat(history.get(0).value().revealChars()).isEqualTo("v11".toCharArray());
        }

        @Test
        @DisplayName("checks are stored encrypted and the newest per protocol shows on the account")
        void checks() {
            session.addAccount(spec("alice@example.net"), secret("pw"), null);
            CheckResult failed = new CheckResult(
                    Protocol.IMAP,
                    CheckResult.Slot.CURRENT,
                    Outcome.AUTH_FAILED,
                    "imap.example.net",
                    993,
                    "AUTHENTICATIONFAILED",
                    "Invalid credentials",
                    "",
                    120,
                    clock.instant());
            clock.advance(Duration.ofSeconds(30));
            CheckResult ok = currentCheck(Protocol.IMAP, Outcome.OK, 80, clock.instant());
            session.recordChecks(List.of(
                    new CredentialCheck(alice, CredentialRef.IMAP, failed),
                    new CredentialCheck(alice, CredentialRef.IMAP, ok)));
            assertThat(session.account(alice).lastChecks()).containsExactly(ok);
            assertThat(session.checks(alice, 10)).containsExactly(ok, failed);
            assertThat(session.lastCheck(alice, CredentialRef.IMAP, Protocol.IMAP, CheckResult.Slot.CURRENT))
                    .contains(ok);
        }

        @Test
        @DisplayName("removing an account removes its credentials, history and device uses")
        void remove() {
            session.addAccount(spec("alice@example.net"), secret("pw"), null);
            session.addDevice("PC", DeviceType.THUNDERBIRD, List.of(alice));
            session.removeAccount(alice);
            assertThat(session.accounts()).isEmpty();
            assertThat(session.devices().get(0).uses()).isEmpty();
            assertThatThrownBy(() -> session.account(alice)).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("a pinned certificate is stored and its fingerprint shown")
        void pin() {
            session.addAccount(spec("alice@example.net"), secret("pw"), null);
            session.pinCertificate(alice, Protocol.IMAP, new byte[] {1, 2, 3});
            assertThat(session.pinnedCertificate(alice, Protocol.IMAP))
                    .hasValueSatisfying(d -> assertThat(d).containsExactly(1, 2, 3));
            assertThat(session.account(alice).pinnedImapCertSha256()).startsWith("03:90:58:C6");
            assertThat(session.pinnedCertificate(alice, Protocol.SMTP)).isEmpty();
        }
    }

    @Test
    @DisplayName("another process writing while the vault is being unlocked is not taken for an older copy")
    void concurrentWriteIsNoRollback() throws Exception {
        try (VaultSession s = TestVaults.create(service, file)) {
            s.addAccount(spec("alice@example.net"), secret("pw"), null);
        }
        try (VaultSession writer = service.open(file, TestVaults.master())) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writes = new Thread(() -> {
                // each write bumps the generation and notes it, many times during one KDF run
                for (int i = 0; !stop.get(); i++) {
                    writer.addAccount(spec("w" + i + "@example.net"), secret("pw"), null);
                }
            });
            writes.start();
            try {
                for (int i = 0; i < 3; i++) {
                    try (VaultSession s = service.open(file, TestVaults.master())) {
                        assertThat(s.rollback()).isEmpty();
                    }
                }
            } finally {
                stop.set(true);
                writes.join();
            }
        }
    }

    @Test
    @DisplayName("an older copy put in place of the vault is noticed")
    void rollbackNoticed() throws Exception {
        Path copy = dir.resolve("copy.db");
        try (VaultSession s = TestVaults.create(service, file)) {
            s.addAccount(spec("alice@example.net"), secret("pw"), null);
        }
        Files.copy(file, copy);
        try (VaultSession s = service.open(file, TestVaults.master())) {
            s.addAccount(spec("bob@example.net"), secret("pw"), null);
            assertThat(s.rollback()).isEmpty();
        }
        Files.copy(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (VaultSession s = service.open(file, TestVaults.master())) {
            assertThat(s.rollback()).hasValue(new VaultSession.Rollback(2, 3));
        }
    }
}
