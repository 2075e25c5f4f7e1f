package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.account.NewAccount;
import dev.mailvault.core.account.NewCredential;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.IntegrityException;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceNames;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An unlocked SQLite vault. Not thread-safe: one session per thread (the UI serialises calls). */
final class SqliteVaultSession implements VaultSession {
    /** Part of every record's associated data; a change of record layout gets a new number. */
    static final int RECORD_FORMAT = 1;

    static final int HISTORY_LIMIT = 10;

    /** Credentials per pruning statement, well under SQLite's limit on bound parameters. */
    private static final int PRUNE_BATCH = 500;

    private final Path file;
    private final Connection db;
    private final MasterKey key;
    private final Clock clock;
    private final GenerationLog log;
    /** Whether {@link #checkStructure} has passed in this session. */
    private boolean structureChecked;

    private final Optional<Rollback> rollback;
    private Header header;
    private Header newHeader;
    private boolean closed;

    SqliteVaultSession(
            Path file, Connection db, MasterKey key, Header header, Clock clock, GenerationLog log, Rollback rollback) {
        this.file = file;
        this.db = db;
        this.key = key;
        this.header = header;
        this.clock = clock;
        this.log = log;
        this.rollback = Optional.ofNullable(rollback);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public KdfParameters kdfParameters() {
        return header.kdf();
    }

    @Override
    public Optional<Rollback> rollback() {
        return rollback;
    }

    // ---------------------------------------------------------------- accounts

    @Override
    public List<AccountInfo> accounts() {
        return read(() -> {
            List<SealedAccount> sealed = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, address_idx, created_at, payload FROM account")) {
                while (rs.next()) {
                    sealed.add(SealedAccount.of(rs));
                }
            }
            // decrypting and parsing the rows is most of the time a large list takes, and each row
            // stands alone: all cores (the caller's thread and the common pool)
            Map<Long, AccountRow> rows = new LinkedHashMap<>();
            for (AccountRow row : sealed.parallelStream().map(this::accountRow).toList()) {
                rows.put(row.id, row);
            }
            Map<Long, List<CredentialRow>> creds = new HashMap<>();
            for (CredentialRow c : allCredentialRows()) {
                creds.computeIfAbsent(c.accountId, k -> new ArrayList<>()).add(c);
            }
            Map<Long, List<CheckResult>> checks = latestChecks(null);
            Map<Long, Integer> stale = staleCounts(null);
            List<AccountInfo> out = new ArrayList<>();
            for (AccountRow row : rows.values()) {
                out.add(info(row, creds.getOrDefault(row.id, List.of()), checks, stale));
            }
            out.sort(Comparator.comparing(AccountInfo::address));
            return out;
        });
    }

    @Override
    public Optional<AccountInfo> findAccount(Address address) {
        return read(() -> {
            Optional<AccountRow> row = accountRow(address);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    info(row.get(), credentials(row.get().id), latestChecks(row.get().id), staleCounts(row.get().id)));
        });
    }

    @Override
    public AccountInfo account(Address address) {
        return findAccount(address).orElseThrow(() -> notFound(address));
    }

    @Override
    public AccountInfo addAccount(AccountSpec spec, Secret imapSecret, Secret smtpSecretOrNull) {
        if (!spec.smtpSameAsImap() && smtpSecretOrNull == null) {
            throw new BadInputException("a separate SMTP password was asked for but not given");
        }
        write(() -> {
            Instant now = now();
            long id = insertAccount(spec, now);
            insertCredential(id, CredentialRef.IMAP, imapSecret, spec.policy(), now);
            if (!spec.smtpSameAsImap()) {
                insertCredential(id, CredentialRef.SMTP, smtpSecretOrNull, spec.policy(), now);
            }
            return null;
        });
        return account(spec.address());
    }

    @Override
    public void addAccounts(List<NewAccount> accounts) {
        // Addresses are one account regardless of case, as the address index has it.
        java.util.Set<String> given = new java.util.HashSet<>();
        for (NewAccount a : accounts) {
            if (!given.add(a.spec().address().value().toLowerCase(Locale.ROOT))) {
                throw new BadInputException(a.spec().address() + " is given twice; nothing was added");
            }
        }
        write(() -> {
            Instant now = now();
            for (NewAccount a : accounts) {
                long id = insertAccount(a.spec(), now);
                for (NewCredential c : a.credentials()) {
                    boolean main =
                            c.ref().kind() == CredentialKind.IMAP || c.ref().kind() == CredentialKind.SMTP;
                    Instant changed = c.changedAt().filter(t -> t.isBefore(now)).orElse(now);
                    insertCredential(
                            id, c.ref(), c.value(), main ? a.spec().policy() : RotationPolicy.DEFAULT, changed);
                }
            }
            return null;
        });
    }

    private long insertAccount(AccountSpec spec, Instant now) throws SQLException {
        if (accountRow(spec.address()).isPresent()) {
            throw new BadInputException(spec.address() + " is already in the vault (use edit to change it)");
        }
        long id = insertPlaceholder(
                "INSERT INTO account (address_idx, created_at, payload) VALUES (?, ?, x'')",
                addressIndex(spec.address()),
                now.toString());
        writeAccountPayload(new AccountRow(id, addressIndex(spec.address()), now, spec, null, null));
        return id;
    }

    @Override
    public AccountInfo updateAccount(Address address, AccountSpec spec, Secret newSmtpSecretOrNull) {
        write(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            // The same account may change the case of its own address: only another account is in the way.
            if (accountRow(spec.address()).filter(other -> other.id != row.id).isPresent()) {
                throw new BadInputException(spec.address() + " is already in the vault");
            }
            Optional<CredentialRow> smtp = credential(row.id, CredentialRef.SMTP);
            if (!spec.smtpSameAsImap() && smtp.isEmpty()) {
                if (newSmtpSecretOrNull == null) {
                    throw new BadInputException(
                            "a separate SMTP password is needed when SMTP no longer uses the IMAP password");
                }
                insertCredential(row.id, CredentialRef.SMTP, newSmtpSecretOrNull, spec.policy(), now());
            } else if (spec.smtpSameAsImap() && smtp.isPresent()) {
                exec("DELETE FROM credential WHERE id = ?", smtp.get().id);
            } else if (smtp.isPresent() && newSmtpSecretOrNull != null) {
                changeValue(smtp.get(), newSmtpSecretOrNull);
            }
            AccountRow updated =
                    new AccountRow(row.id, addressIndex(spec.address()), row.createdAt, spec, row.pinImap, row.pinSmtp);
            exec("UPDATE account SET address_idx = ? WHERE id = ?", updated.addressIdx, row.id);
            writeAccountPayload(updated);
            for (CredentialRow c : credentials(row.id)) {
                if ((c.ref.kind() == CredentialKind.IMAP || c.ref.kind() == CredentialKind.SMTP)
                        && !c.policy.equals(spec.policy())) {
                    writeCredentialMeta(c.withPolicy(spec.policy()));
                }
            }
            return null;
        });
        return account(spec.address());
    }

    @Override
    public void removeAccount(Address address) {
        write(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            // device_use rows go with their credentials (ON DELETE CASCADE)
            exec("DELETE FROM account WHERE id = ?", row.id);
            return null;
        });
    }

    // ---------------------------------------------------------------- credentials

    @Override
    public void setSecret(Address address, CredentialRef ref, Secret value) {
        write(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            CredentialRef target = effective(row, ref);
            Optional<CredentialRow> c = credential(row.id, target);
            if (c.isEmpty()) {
                if (target.kind() != CredentialKind.APP && target.kind() != CredentialKind.PORTAL) {
                    throw notFound(address, ref);
                }
                insertCredential(row.id, target, value, RotationPolicy.DEFAULT, now());
            } else {
                changeValue(c.get(), value);
            }
            return null;
        });
    }

    @Override
    public void removeCredential(Address address, CredentialRef ref) {
        if (ref.kind() == CredentialKind.IMAP || ref.kind() == CredentialKind.SMTP) {
            throw new BadInputException("the " + ref
                    + " password cannot be removed on its own; remove the account, or edit its SMTP setting");
        }
        write(() -> {
            CredentialRow c = credentialOf(address, ref);
            exec("DELETE FROM credential WHERE id = ?", c.id);
            return null;
        });
    }

    @Override
    public Secret secret(Address address, CredentialRef ref) {
        return read(() -> {
            CredentialRow c = credentialOf(address, ref);
            return decryptSecret("credential", c.id, "secret", c.secretBlob);
        });
    }

    @Override
    public Optional<Secret> pendingSecret(Address address, CredentialRef ref) {
        return read(() -> {
            CredentialRow c = credentialOf(address, ref);
            return c.pendingBlob == null
                    ? Optional.empty()
                    : Optional.of(decryptSecret("credential", c.id, "pending", c.pendingBlob));
        });
    }

    @Override
    public List<Secret> secrets(List<SecretLookup> lookups) {
        if (lookups.isEmpty()) {
            return List.of();
        }
        return read(() -> {
            List<CredentialRow> rows = credentialsOf(
                    lookups.stream().map(l -> new Held(l.address(), l.ref())).toList());
            List<Secret> out = new ArrayList<>();
            try {
                for (int i = 0; i < lookups.size(); i++) {
                    SecretLookup l = lookups.get(i);
                    CredentialRow c = rows.get(i);
                    if (!l.pending()) {
                        out.add(decryptSecret("credential", c.id, "secret", c.secretBlob));
                    } else if (c.pendingBlob != null) {
                        out.add(decryptSecret("credential", c.id, "pending", c.pendingBlob));
                    } else {
                        throw new NotFoundException(l.address() + " has no new " + l.ref() + " password waiting");
                    }
                }
                return out;
            } catch (RuntimeException e) {
                out.forEach(Secret::close);
                throw e;
            }
        });
    }

    /** A credential of an account, as asked for: SMTP may mean the IMAP credential. */
    private record Held(Address address, CredentialRef ref) {}

    /**
     * What {@link #credentialOf} gives for each of {@code wanted}, in order, for runs over many
     * accounts: one pass over the account and the credential table instead of an account query
     * and decryption and a credential query each; only the accounts asked for are decrypted.
     */
    private List<CredentialRow> credentialsOf(List<Held> wanted) throws SQLException {
        List<String> indexes = new ArrayList<>();
        Map<String, Address> addresses = new HashMap<>();
        for (Held h : wanted) {
            String idx = HexFormat.of().formatHex(addressIndex(h.address()));
            indexes.add(idx);
            addresses.putIfAbsent(idx, h.address());
        }
        List<SealedAccount> sealed = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, address_idx, created_at, payload FROM account")) {
            while (rs.next()) {
                if (addresses.containsKey(HexFormat.of().formatHex(rs.getBytes(2)))) {
                    sealed.add(SealedAccount.of(rs));
                }
            }
        }
        Map<String, AccountRow> accounts = new HashMap<>();
        for (AccountRow row : sealed.parallelStream().map(this::accountRow).toList()) {
            String idx = HexFormat.of().formatHex(row.addressIdx);
            if (!row.spec.address().value().equalsIgnoreCase(addresses.get(idx).value())) {
                throw tampered("account row " + row.id + " is indexed under another address");
            }
            accounts.put(idx, row);
        }
        Map<Long, List<CredentialRow>> credentials = new HashMap<>();
        for (AccountRow row : accounts.values()) {
            credentials.put(row.id, new ArrayList<>());
        }
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(CREDENTIAL_COLUMNS + " FROM credential c")) {
            while (rs.next()) {
                List<CredentialRow> mine = credentials.get(rs.getLong(2));
                if (mine != null) {
                    mine.add(credentialRow(rs));
                }
            }
        }
        List<CredentialRow> out = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Held h = wanted.get(i);
            AccountRow row = accounts.get(indexes.get(i));
            if (row == null) {
                throw notFound(h.address());
            }
            CredentialRef ref = effective(row, h.ref());
            byte[] labelIdx = labelIndex(ref);
            out.add(credentials.get(row.id).stream()
                    .filter(c -> c.ref.kind() == ref.kind() && Arrays.equals(c.labelIdx, labelIdx))
                    .findFirst()
                    .orElseThrow(() -> notFound(h.address(), h.ref())));
        }
        return out;
    }

    @Override
    public List<HistoryEntry> history(Address address, CredentialRef ref) {
        return read(() -> {
            CredentialRow c = credentialOf(address, ref);
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT id, changed_at, replaced_at, secret FROM credential_history WHERE credential_id = ? ORDER BY replaced_at DESC, id DESC")) {
                ps.setLong(1, c.id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Fields f = open("credential_history", id, "secret", rs.getBytes(4));
                        try {
                            expect(f, "credential_id", Long.toString(c.id), "credential_history", id);
                            expect(f, "changed_at", rs.getString(2), "credential_history", id);
                            expect(f, "replaced_at", rs.getString(3), "credential_history", id);
                            out.add(new HistoryEntry(
                                    Timestamps.parse(rs.getString(2)),
                                    Timestamps.parse(rs.getString(3)),
                                    Secret.fromUtf8(f.bytes("value"))));
                        } finally {
                            f.wipe();
                        }
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- rotation

    @Override
    public void setPending(Address address, CredentialRef ref, Secret value) {
        write(() -> {
            CredentialRow c = credentialOf(address, ref);
            Instant now = now();
            byte[] blob = sealSecret("credential", c.id, "pending", value);
            exec("UPDATE credential SET pending = ? WHERE id = ?", blob, c.id);
            writeCredentialMeta(c.withPending(now));
            return null;
        });
    }

    @Override
    public void promotePending(Address address, CredentialRef ref, boolean verified) {
        write(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            CredentialRow c = credential(row.id, effective(row, ref)).orElseThrow(() -> notFound(address, ref));
            if (c.pendingBlob == null) {
                throw new BadInputException("no rotation in progress for " + ref + " of " + address);
            }
            Instant now = now();
            Fields pending = open("credential", c.id, "pending", c.pendingBlob);
            try (Secret newValue = Secret.fromUtf8(pending.bytes("value"))) {
                pushHistory(c, now);
                exec(
                        "UPDATE credential SET secret = ?, pending = NULL WHERE id = ?",
                        sealSecret("credential", c.id, "secret", newValue),
                        c.id);
            } finally {
                pending.wipe();
            }
            writeCredentialMeta(new CredentialRow(
                    c.id, c.accountId, c.ref, c.labelIdx, now, c.policy, null, false, !verified, null, null));
            if (c.ref.kind() == CredentialKind.IMAP) {
                for (CredentialRow app : credentials(row.id)) {
                    if (app.ref.kind() == CredentialKind.APP) {
                        writeCredentialMeta(app.withSuspect(true));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void abandonPending(Address address, CredentialRef ref) {
        write(() -> {
            CredentialRow c = credentialOf(address, ref);
            if (c.pendingBlob == null) {
                throw new BadInputException("no rotation in progress for " + ref + " of " + address);
            }
            exec("UPDATE credential SET pending = NULL WHERE id = ?", c.id);
            writeCredentialMeta(c.withPending(null));
            return null;
        });
    }

    @Override
    public void setSuspect(Address address, CredentialRef ref, boolean suspect) {
        write(() -> {
            CredentialRow c = credentialOf(address, ref);
            if (c.suspect != suspect) {
                writeCredentialMeta(c.withSuspect(suspect));
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- certificates

    @Override
    public void pinCertificate(Address address, Protocol protocol, byte[] derOrNull) {
        write(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            byte[] der = derOrNull == null ? null : derOrNull.clone();
            writeAccountPayload(
                    protocol == Protocol.IMAP
                            ? new AccountRow(row.id, row.addressIdx, row.createdAt, row.spec, der, row.pinSmtp)
                            : new AccountRow(row.id, row.addressIdx, row.createdAt, row.spec, row.pinImap, der));
            return null;
        });
    }

    @Override
    public Optional<byte[]> pinnedCertificate(Address address, Protocol protocol) {
        return read(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            byte[] der = protocol == Protocol.IMAP ? row.pinImap : row.pinSmtp;
            return Optional.ofNullable(der).map(byte[]::clone);
        });
    }

    // ---------------------------------------------------------------- devices

    @Override
    public DeviceInfo addDevice(String name, DeviceType type, List<Address> uses) {
        String clean = DeviceNames.check(name);
        write(() -> {
            byte[] idx =
                    key.blindIndex("device-name", clean.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            if (deviceId(idx).isPresent()) {
                throw new BadInputException("a device named '" + clean + "' already exists");
            }
            Instant now = now();
            long id = insertPlaceholder(
                    "INSERT INTO device (name_idx, type, created_at, payload) VALUES (?, ?, ?, x'')",
                    idx,
                    type.id(),
                    now.toString());
            exec(
                    "UPDATE device SET payload = ? WHERE id = ?",
                    seal(
                            "device",
                            id,
                            "payload",
                            new Fields()
                                    .put("name", clean)
                                    .put("name_idx", HexFormat.of().formatHex(idx))
                                    .put("type", type.id())
                                    .put("created_at", now.toString())),
                    id);
            java.util.Set<Long> credentialIds = new java.util.LinkedHashSet<>();
            for (Address a : uses) {
                AccountRow row = accountRow(a).orElseThrow(() -> notFound(a));
                for (CredentialRow c : credentials(row.id)) {
                    if (c.ref.kind() == CredentialKind.IMAP || c.ref.kind() == CredentialKind.SMTP) {
                        credentialIds.add(c.id);
                    }
                }
            }
            for (long credentialId : credentialIds) {
                insertUse(id, credentialId, now);
            }
            return null;
        });
        return devices().stream()
                .filter(d -> d.name().equals(clean))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void markDeviceDone(String name, Optional<Address> account) {
        write(() -> {
            long deviceId = deviceId(deviceIndex(name))
                    .orElseThrow(() -> new NotFoundException("no device named '" + name + "'"));
            Optional<Long> accountId = account.isPresent()
                    ? Optional.of(accountRow(account.get()).orElseThrow(() -> notFound(account.get())).id)
                    : Optional.empty();
            Instant now = now();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT u.id, u.credential_id FROM device_use u JOIN credential c ON c.id = u.credential_id"
                            + " WHERE u.device_id = ?" + (accountId.isPresent() ? " AND c.account_id = ?" : ""))) {
                ps.setLong(1, deviceId);
                if (accountId.isPresent()) {
                    ps.setLong(2, accountId.get());
                }
                List<long[]> uses = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        uses.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                if (uses.isEmpty() && accountId.isPresent()) {
                    throw new NotFoundException("device '" + name + "' does not use " + account.get());
                }
                for (long[] u : uses) {
                    exec(
                            "UPDATE device_use SET received_at = ?, payload = ? WHERE id = ?",
                            now.toString(),
                            useFields(u[0], deviceId, u[1], now),
                            u[0]);
                }
            }
            return null;
        });
    }

    @Override
    public void removeDevice(String name) {
        write(() -> {
            long id = deviceId(deviceIndex(name))
                    .orElseThrow(() -> new NotFoundException("no device named '" + name + "'"));
            exec("DELETE FROM device WHERE id = ?", id);
            return null;
        });
    }

    @Override
    public List<DeviceInfo> devices() {
        return read(() -> {
            Map<Long, AccountRow> accounts = new HashMap<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, address_idx, created_at, payload FROM account")) {
                while (rs.next()) {
                    AccountRow row = accountRow(SealedAccount.of(rs));
                    accounts.put(row.id, row);
                }
            }
            Map<Long, CredentialRow> creds = new HashMap<>();
            for (CredentialRow c : allCredentialRows()) {
                creds.put(c.id, c);
            }
            Map<Long, List<DeviceInfo.Use>> uses = new HashMap<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT id, device_id, credential_id, received_at, payload FROM device_use ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long deviceId = rs.getLong(2);
                    long credentialId = rs.getLong(3);
                    Instant received = Timestamps.parse(rs.getString(4));
                    Fields f = open("device_use", id, "payload", rs.getBytes(5));
                    expect(f, "device_id", Long.toString(deviceId), "device_use", id);
                    expect(f, "credential_id", Long.toString(credentialId), "device_use", id);
                    expect(f, "received_at", received.toString(), "device_use", id);
                    CredentialRow c = creds.get(credentialId);
                    AccountRow a = c == null ? null : accounts.get(c.accountId);
                    if (a == null) {
                        // only a file edited with foreign keys off holds a use of a row that is gone
                        throw tampered("device_use row " + id + " refers to a password that is not there");
                    }
                    uses.computeIfAbsent(deviceId, k -> new ArrayList<>())
                            .add(new DeviceInfo.Use(a.spec.address(), c.ref, received, received.isBefore(c.changedAt)));
                }
            }
            List<DeviceInfo> out = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT id, name_idx, type, created_at, payload FROM device ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Fields f = open("device", id, "payload", rs.getBytes(5));
                    expect(f, "name_idx", HexFormat.of().formatHex(rs.getBytes(2)), "device", id);
                    expect(f, "type", rs.getString(3), "device", id);
                    expect(f, "created_at", rs.getString(4), "device", id);
                    out.add(new DeviceInfo(
                            id,
                            f.string("name"),
                            DeviceType.parse(rs.getString(3)),
                            Timestamps.parse(rs.getString(4)),
                            List.copyOf(uses.getOrDefault(id, List.of()))));
                }
            }
            out.sort(Comparator.comparing(d -> d.name().toLowerCase(Locale.ROOT)));
            return out;
        });
    }

    // ---------------------------------------------------------------- checks

    @Override
    public void recordChecks(List<CredentialCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        write(() -> {
            List<CredentialRow> rows = credentialsOf(checks.stream()
                    .map(c -> new Held(c.account(), c.credential()))
                    .toList());
            // three statements prepared once for the whole batch (a verify of 200 accounts records
            // 400 checks), not three parsed again for each row
            try (PreparedStatement insert = db.prepareStatement(
                            "INSERT INTO check_result (credential_id, protocol, slot, outcome, checked_at, millis, payload)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, x'')");
                    PreparedStatement lastId = db.prepareStatement("SELECT last_insert_rowid()");
                    PreparedStatement payload =
                            db.prepareStatement("UPDATE check_result SET payload = ? WHERE id = ?")) {
                for (int i = 0; i < checks.size(); i++) {
                    CredentialCheck check = checks.get(i);
                    CredentialRow c = rows.get(i);
                    CheckResult r = check.result();
                    String at = r.at().toString();
                    bind(
                            insert,
                            c.id,
                            r.protocol().id(),
                            r.credential().id(),
                            r.outcome().name(),
                            at,
                            r.millis());
                    insert.executeUpdate();
                    long id;
                    try (ResultSet rs = lastId.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    bind(
                            payload,
                            seal(
                                    "check_result",
                                    id,
                                    "payload",
                                    new Fields()
                                            .put("host", r.host())
                                            .put("port", r.port())
                                            .put("code", r.code())
                                            .put("message", r.message())
                                            .put("alert", r.alert())
                                            .put("credential_id", c.id)
                                            .put("protocol", r.protocol().id())
                                            .put("slot", r.credential().id())
                                            .put("outcome", r.outcome().name())
                                            .put("checked_at", at)
                                            .put("millis", r.millis())),
                            id);
                    payload.executeUpdate();
                }
            }
            pruneChecks(rows);
            return null;
        });
    }

    /**
     * Drops the checks beyond the newest {@link #CHECKS_KEPT} of each group (credential, protocol,
     * value) of the credentials just written to: one statement per {@value #PRUNE_BATCH} credentials,
     * not one per group (400 statements were a third of recording a verify of 200 accounts). Groups
     * of those credentials not written to now hold no more than that already.
     */
    private void pruneChecks(List<CredentialRow> rows) throws SQLException {
        List<Long> ids = rows.stream().map(r -> r.id).distinct().toList();
        for (int from = 0; from < ids.size(); from += PRUNE_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + PRUNE_BATCH));
            String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
            Object[] args = new Object[batch.size() + 1];
            for (int k = 0; k < batch.size(); k++) {
                args[k] = batch.get(k);
            }
            args[batch.size()] = CHECKS_KEPT;
            exec(
                    "DELETE FROM check_result WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER"
                            + " (PARTITION BY credential_id, protocol, slot ORDER BY checked_at DESC, id DESC) AS rn"
                            + " FROM check_result WHERE credential_id IN (" + marks + ")) WHERE rn > ?)",
                    args);
        }
    }

    @Override
    public List<CheckResult> checks(Address address, int limit) {
        return read(() -> {
            AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
            List<CheckResult> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    CHECK_COLUMNS + " FROM check_result r JOIN credential c ON c.id = r.credential_id"
                            + " WHERE c.account_id = ? ORDER BY r.checked_at DESC, r.id DESC LIMIT ?")) {
                ps.setLong(1, row.id);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(checkRow(rs).result);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<CheckResult> lastCheck(
            Address address, CredentialRef ref, Protocol protocol, CheckResult.Slot slot) {
        return read(() -> {
            CredentialRow c = credentialOf(address, ref);
            try (PreparedStatement ps =
                    db.prepareStatement(CHECK_COLUMNS + " FROM check_result r WHERE r.credential_id = ?"
                            + " AND r.protocol = ? AND r.slot = ? ORDER BY r.checked_at DESC, r.id DESC LIMIT 1")) {
                ps.setLong(1, c.id);
                ps.setString(2, protocol.id());
                ps.setString(3, slot.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(checkRow(rs).result) : Optional.empty();
                }
            }
        });
    }

    // ---------------------------------------------------------------- master password

    @Override
    public void changeMasterPassword(Secret newMasterPassword, KdfParameters parameters) {
        if (newMasterPassword.isEmpty()) {
            throw new BadInputException("the master password must not be empty");
        }
        byte[] salt = new byte[MasterKey.SALT_LENGTH];
        new SecureRandom().nextBytes(salt);
        // The KDF runs before the transaction, so other processes are not held up by it.
        byte[] wrapped = key.wrap(
                newMasterPassword, parameters, salt, Header.wrapAssociatedData(header.vaultId(), parameters, salt));
        write(() -> {
            newHeader = new Header(
                    header.formatVersion(),
                    header.vaultId(),
                    parameters,
                    salt,
                    wrapped,
                    header.generation(),
                    header.mac());
            return null;
        });
    }

    // ---------------------------------------------------------------- copies

    @Override
    public void backupTo(Path target) {
        checkOpen();
        Path out = target.toAbsolutePath();
        if (!Files.isDirectory(out.getParent())) {
            throw new BadInputException("the folder " + out.getParent() + " does not exist; create it first");
        }
        try {
            // Created here, empty and 0600, so SQLite fills a file nobody else can read; CREATE_NEW
            // refuses an existing one, and VACUUM INTO itself refuses a non-empty target.
            Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(out + " already exists; it was left untouched (choose a new file name)");
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        }
        boolean done = false;
        try {
            // VACUUM INTO copies a consistent snapshot and leaves out free pages, so ciphertext of
            // deleted rows does not travel with the copy.
            try (PreparedStatement ps = db.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, out.toString());
                ps.execute();
            }
            // SQLite does not sync the file VACUUM INTO writes.
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            done = true;
        } catch (SQLException e) {
            // a copy that cannot be written names the copy: the vault was only read
            Optional<UnwritableFileException> refusal = SqliteVault.cannotWrite(out, e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            throw SqliteVault.translate(e, file);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a half copy we could not remove holds only ciphertext
                }
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.close();
        SqliteVault.closeQuietly(db);
    }

    // ================================================================ internals

    private static final String CREDENTIAL_COLUMNS =
            "SELECT c.id, c.account_id, c.kind, c.label_idx, c.changed_at, c.policy, c.pending_since, c.suspect, c.unverified,"
                    + " c.meta, c.secret, c.pending, (SELECT count(*) FROM credential_history h WHERE h.credential_id = c.id)";

    private static final String CHECK_COLUMNS =
            "SELECT r.id, r.credential_id, r.protocol, r.slot, r.outcome, r.checked_at, r.millis, r.payload";

    private record AccountRow(
            long id, byte[] addressIdx, Instant createdAt, AccountSpec spec, byte[] pinImap, byte[] pinSmtp) {}

    private record CredentialRow(
            long id,
            long accountId,
            CredentialRef ref,
            byte[] labelIdx,
            Instant changedAt,
            RotationPolicy policy,
            Instant pendingSince,
            boolean suspect,
            boolean unverified,
            byte[] secretBlob,
            byte[] pendingBlob,
            int historySize) {

        CredentialRow(
                long id,
                long accountId,
                CredentialRef ref,
                byte[] labelIdx,
                Instant changedAt,
                RotationPolicy policy,
                Instant pendingSince,
                boolean suspect,
                boolean unverified,
                byte[] secretBlob,
                byte[] pendingBlob) {
            this(
                    id,
                    accountId,
                    ref,
                    labelIdx,
                    changedAt,
                    policy,
                    pendingSince,
                    suspect,
                    unverified,
                    secretBlob,
                    pendingBlob,
                    0);
        }

        CredentialRow withPolicy(RotationPolicy p) {
            return new CredentialRow(
                    id,
                    accountId,
                    ref,
                    labelIdx,
                    changedAt,
                    p,
                    pendingSince,
                    suspect,
                    unverified,
                    secretBlob,
                    pendingBlob);
        }

        CredentialRow withPending(Instant since) {
            return new CredentialRow(
                    id,
                    accountId,
                    ref,
                    labelIdx,
                    changedAt,
                    policy,
                    since,
                    suspect,
                    unverified,
                    secretBlob,
                    pendingBlob);
        }

        CredentialRow withSuspect(boolean s) {
            return new CredentialRow(
                    id,
                    accountId,
                    ref,
                    labelIdx,
                    changedAt,
                    policy,
                    pendingSince,
                    s,
                    unverified,
                    secretBlob,
                    pendingBlob);
        }

        CredentialRow withChanged(Instant at) {
            return new CredentialRow(
                    id, accountId, ref, labelIdx, at, policy, pendingSince, suspect, false, secretBlob, pendingBlob);
        }
    }

    private record CheckRow(long credentialId, CheckResult result) {}

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T read(Work<T> work) {
        checkOpen();
        try {
            exec("BEGIN");
            try {
                T result = work.run();
                exec("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteVault.translate(e, file);
        } catch (IntegrityException e) {
            throw tampered(e.getMessage());
        }
    }

    /** One transaction: the change, a new generation and header MAC, then the commit. */
    private <T> T write(Work<T> work) {
        checkOpen();
        try {
            exec("BEGIN IMMEDIATE");
            try {
                Header current = SqliteVault.readHeader(db, file);
                if (!MessageDigest.isEqual(key.headerMac(current.macInput()), current.mac())) {
                    throw tampered("the vault header was changed outside Mail Vault");
                }
                if (!structureChecked) {
                    checkStructure();
                    structureChecked = true;
                }
                newHeader = null;
                T result = work.run();
                // Another process may have changed the header (a new master password) since we
                // opened: start from what is on disk unless this change is itself a header change.
                Header base = newHeader != null ? newHeader : current;
                Header next = base.withGeneration(current.generation() + 1);
                next = next.withMac(key.headerMac(next.macInput()));
                SqliteVault.updateHeader(db, next);
                exec("COMMIT");
                header = next;
                log.record(next.vaultId(), next.generation());
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteVault.translate(e, file);
        } catch (IntegrityException e) {
            throw tampered(e.getMessage());
        }
    }

    /**
     * SQLite's own check of the file, before the first write of a session: a damaged index (a
     * flipped bit in a page no record check reads) makes a lookup miss a row that is there, and an
     * add would then store a second account of that address. Reading on is harmless; writing to
     * such a file is refused. About 35 ms for a vault of 10,000 accounts.
     */
    private void checkStructure() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check(1)")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new VaultUnavailableException(
                        Reason.DAMAGED,
                        file,
                        file + " fails SQLite's integrity check (" + verdict + "); nothing was written");
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the vault is locked");
        }
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private void exec(String sql, Object... args) throws SQLException {
        if (args.length == 0) {
            try (Statement s = db.createStatement()) {
                s.execute(sql);
            }
            return;
        }
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private long insertPlaceholder(String sql, Object... args) throws SQLException {
        exec(sql, args);
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    // ---- encryption

    private static final byte[] RECORD_LABEL = "mailvault-record\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * Label, vault id, table, column, row id and record format, written into one array of the
     * exact size: every record read makes one, and a growing buffer doubled that allocation.
     */
    private byte[] associatedData(String table, long rowId, String column) {
        byte[] vaultId = header.vaultId();
        byte[] tableName = table.getBytes(StandardCharsets.US_ASCII);
        byte[] columnName = column.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(RECORD_LABEL.length + vaultId.length + tableName.length + columnName.length + 14)
                .put(RECORD_LABEL)
                .put(vaultId)
                .put(tableName)
                .put((byte) 0)
                .put(columnName)
                .put((byte) 0)
                .putLong(rowId)
                .putInt(RECORD_FORMAT)
                .array();
    }

    private byte[] seal(String table, long rowId, String column, Fields fields) {
        byte[] plain = fields.encode();
        try {
            return key.records().seal(plain, associatedData(table, rowId, column));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Fields open(String table, long rowId, String column, byte[] ciphertext) {
        byte[] plain;
        try {
            plain = key.records().open(ciphertext, associatedData(table, rowId, column));
        } catch (IntegrityException e) {
            throw tampered(table + " row " + rowId + " (" + column + ") does not decrypt");
        }
        try {
            return Fields.decode(plain); // which owns the plaintext from here on
        } catch (IntegrityException e) {
            Arrays.fill(plain, (byte) 0);
            throw e;
        }
    }

    private byte[] sealSecret(String table, long rowId, String column, Secret value) {
        byte[] utf8 = value.revealUtf8();
        Fields f = new Fields().putBytes("value", utf8);
        try {
            return seal(table, rowId, column, f);
        } finally {
            f.wipe();
        }
    }

    private Secret decryptSecret(String table, long rowId, String column, byte[] blob) {
        Fields f = open(table, rowId, column, blob);
        try {
            return Secret.fromUtf8(f.bytes("value"));
        } finally {
            f.wipe();
        }
    }

    private void expect(Fields f, String name, String clearValue, String table, long rowId) {
        if (!f.holds(name, clearValue == null ? "" : clearValue)) {
            throw tampered(table + " row " + rowId + ": " + name + " differs from its authenticated copy");
        }
    }

    private VaultUnavailableException tampered(String detail) {
        return new VaultUnavailableException(
                Reason.TAMPERED, file, file + " was modified outside Mail Vault (" + detail + ")");
    }

    private byte[] addressIndex(Address a) {
        return key.blindIndex("address", a.value().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] deviceIndex(String name) {
        return key.blindIndex(
                "device-name", DeviceNames.check(name).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    // ---- accounts

    private Optional<AccountRow> accountRow(Address address) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT id, address_idx, created_at, payload FROM account WHERE address_idx = ?")) {
            byte[] idx = addressIndex(address);
            ps.setBytes(1, idx);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    confirmAbsent(idx);
                    return Optional.empty();
                }
                AccountRow row = accountRow(SealedAccount.of(rs));
                if (!row.spec.address().value().equalsIgnoreCase(address.value())) {
                    throw tampered("account row " + row.id + " is indexed under another address");
                }
                return Optional.of(row);
            }
        }
    }

    /**
     * An address the index does not know is looked for again without it: a damaged index (a flipped
     * bit in a page no record check reads) would otherwise make {@code show} or {@code get} say
     * that an account listed a moment ago is not in the vault. One table scan, on this path only.
     */
    private void confirmAbsent(byte[] idx) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM account NOT INDEXED WHERE address_idx = ?")) {
            ps.setBytes(1, idx);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new VaultUnavailableException(
                            Reason.DAMAGED,
                            file,
                            file + " has a damaged index: an account it holds cannot be looked up; nothing was"
                                    + " written");
                }
            }
        }
    }

    /** An account row as read, before decryption: {@code id, address_idx, created_at, payload}. */
    private record SealedAccount(long id, byte[] idx, String created, byte[] payload) {
        static SealedAccount of(ResultSet rs) throws SQLException {
            return new SealedAccount(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4));
        }
    }

    private AccountRow accountRow(SealedAccount sealed) {
        long id = sealed.id();
        byte[] idx = sealed.idx();
        String created = sealed.created();
        Fields f = open("account", id, "payload", sealed.payload());
        expect(f, "address_idx", HexFormat.of().formatHex(idx), "account", id);
        expect(f, "created_at", created, "account", id);
        try {
            AccountSpec spec = new AccountSpec(
                    new Address(f.string("address")),
                    f.string("display_name"),
                    f.string("provider"),
                    new Endpoint(
                            f.string("imap_host"),
                            Integer.parseInt(f.string("imap_port")),
                            Security.parse(f.string("imap_security"))),
                    new Endpoint(
                            f.string("smtp_host"),
                            Integer.parseInt(f.string("smtp_port")),
                            Security.parse(f.string("smtp_security"))),
                    f.string("imap_login"),
                    f.string("smtp_login"),
                    f.holds("smtp_same_as_imap", "1"),
                    f.string("ca_cert"),
                    f.string("notes"),
                    RotationPolicy.parse(f.string("policy")));
            byte[] pinImap = f.bytes("pin_imap");
            byte[] pinSmtp = f.bytes("pin_smtp");
            return new AccountRow(
                    id,
                    idx,
                    Timestamps.parse(created),
                    spec,
                    pinImap.length == 0 ? null : pinImap,
                    pinSmtp.length == 0 ? null : pinSmtp);
        } catch (BadInputException | NumberFormatException | java.time.format.DateTimeParseException e) {
            throw tampered("account row " + id + " holds values that do not parse");
        }
    }

    private void writeAccountPayload(AccountRow row) throws SQLException {
        AccountSpec s = row.spec;
        Fields f = new Fields()
                .put("address", s.address().value())
                .put("display_name", s.displayName())
                .put("provider", s.providerId())
                .put("imap_host", s.imap().host())
                .put("imap_port", s.imap().port())
                .put("imap_security", s.imap().security().id())
                .put("smtp_host", s.smtp().host())
                .put("smtp_port", s.smtp().port())
                .put("smtp_security", s.smtp().security().id())
                .put("imap_login", s.imapLogin())
                .put("smtp_login", s.smtpLogin())
                .put("smtp_same_as_imap", s.smtpSameAsImap() ? "1" : "0")
                .put("ca_cert", s.caCertPem())
                .put("notes", s.notes())
                .put("policy", s.policy().spec())
                .putBytes("pin_imap", row.pinImap)
                .putBytes("pin_smtp", row.pinSmtp)
                .put("address_idx", HexFormat.of().formatHex(row.addressIdx))
                .put("created_at", row.createdAt.toString());
        exec("UPDATE account SET payload = ? WHERE id = ?", seal("account", row.id, "payload", f), row.id);
    }

    private AccountInfo info(
            AccountRow row, List<CredentialRow> creds, Map<Long, List<CheckResult>> checks, Map<Long, Integer> stale) {
        List<CredentialInfo> infos = new ArrayList<>();
        for (CredentialRow c : creds) {
            infos.add(new CredentialInfo(
                    c.id,
                    c.ref,
                    c.changedAt,
                    c.policy,
                    Optional.ofNullable(c.pendingSince),
                    c.suspect,
                    c.unverified,
                    c.historySize));
        }
        infos.sort(Comparator.comparing((CredentialInfo c) -> c.ref().kind())
                .thenComparing(c -> c.ref().label()));
        // every account is written with its IMAP password (and its SMTP one when separate): one
        // missing was deleted outside Mail Vault, and the commands would fail on it
        boolean imap = false;
        boolean smtp = false;
        for (CredentialInfo c : infos) {
            imap |= c.ref().kind() == CredentialKind.IMAP;
            smtp |= c.ref().kind() == CredentialKind.SMTP;
        }
        if (!imap || (!row.spec.smtpSameAsImap() && !smtp)) {
            throw tampered("account row " + row.id + " has no " + (imap ? "SMTP" : "IMAP") + " password");
        }
        List<CheckResult> last = new ArrayList<>();
        int staleCount = 0;
        for (CredentialRow c : creds) {
            boolean main = c.ref.kind() == CredentialKind.IMAP || c.ref.kind() == CredentialKind.SMTP;
            if (main) {
                for (CheckResult r : checks.getOrDefault(c.id, List.of())) {
                    boolean wanted = c.ref.kind() == CredentialKind.IMAP
                            ? r.protocol() == Protocol.IMAP || row.spec.smtpSameAsImap()
                            : r.protocol() == Protocol.SMTP;
                    if (wanted) {
                        last.add(r);
                    }
                }
            }
            staleCount += stale.getOrDefault(c.id, 0);
        }
        last.sort(Comparator.comparing(CheckResult::protocol).thenComparing(CheckResult::credential));
        return new AccountInfo(
                row.id,
                row.spec,
                row.createdAt,
                List.copyOf(infos),
                fingerprint(row.pinImap),
                fingerprint(row.pinSmtp),
                List.copyOf(last),
                staleCount);
    }

    private static String fingerprint(byte[] der) {
        if (der == null) {
            return "";
        }
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest check per credential, protocol and slot; {@code accountId} null for all accounts. */
    private Map<Long, List<CheckResult>> latestChecks(Long accountId) throws SQLException {
        // the newest rows are picked by id first: ranking the rows with their payloads made SQLite
        // sort every stored check's payload (a third more time at 8,000 checks)
        String sql = CHECK_COLUMNS + " FROM check_result r WHERE r.id IN (SELECT id FROM (SELECT id,"
                + " ROW_NUMBER() OVER (PARTITION BY credential_id, protocol, slot"
                + " ORDER BY checked_at DESC, id DESC) AS rn FROM check_result"
                + (accountId == null ? "" : " WHERE credential_id IN (SELECT id FROM credential WHERE account_id = ?)")
                + ") WHERE rn = 1)";
        Map<Long, List<CheckResult>> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (accountId != null) {
                ps.setLong(1, accountId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CheckRow row = checkRow(rs);
                    out.computeIfAbsent(row.credentialId, k -> new ArrayList<>())
                            .add(row.result);
                }
            }
        }
        return out;
    }

    private CheckRow checkRow(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long credentialId = rs.getLong(2);
        Fields f = open("check_result", id, "payload", rs.getBytes(8));
        expect(f, "credential_id", Long.toString(credentialId), "check_result", id);
        expect(f, "protocol", rs.getString(3), "check_result", id);
        expect(f, "slot", rs.getString(4), "check_result", id);
        expect(f, "outcome", rs.getString(5), "check_result", id);
        expect(f, "checked_at", rs.getString(6), "check_result", id);
        expect(f, "millis", Long.toString(rs.getLong(7)), "check_result", id);
        try {
            CheckResult r = new CheckResult(
                    Protocol.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                    CheckResult.Slot.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                    Outcome.valueOf(rs.getString(5)),
                    f.string("host"),
                    Integer.parseInt(f.string("port")),
                    f.string("code"),
                    f.string("message"),
                    f.string("alert"),
                    rs.getLong(7),
                    Timestamps.parse(rs.getString(6)));
            return new CheckRow(credentialId, r);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw tampered("check row " + id + " holds values that do not parse");
        }
    }

    /** Devices that hold an older value than the credential's current one, per credential. */
    private Map<Long, Integer> staleCounts(Long accountId) throws SQLException {
        String sql = "SELECT u.credential_id, count(*) FROM device_use u JOIN credential c ON c.id = u.credential_id"
                + " WHERE u.received_at < c.changed_at" + (accountId == null ? "" : " AND c.account_id = ?")
                + " GROUP BY u.credential_id";
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (accountId != null) {
                ps.setLong(1, accountId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    // ---- credentials

    /** SMTP on an account whose SMTP uses the IMAP password means the IMAP credential. */
    private static CredentialRef effective(AccountRow row, CredentialRef ref) {
        return ref.kind() == CredentialKind.SMTP && row.spec.smtpSameAsImap() ? CredentialRef.IMAP : ref;
    }

    private CredentialRow credentialOf(Address address, CredentialRef ref) throws SQLException {
        AccountRow row = accountRow(address).orElseThrow(() -> notFound(address));
        return credential(row.id, effective(row, ref)).orElseThrow(() -> notFound(address, ref));
    }

    private Optional<CredentialRow> credential(long accountId, CredentialRef ref) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                CREDENTIAL_COLUMNS + " FROM credential c WHERE c.account_id = ? AND c.kind = ? AND c.label_idx = ?")) {
            ps.setLong(1, accountId);
            ps.setString(2, ref.kind().id());
            ps.setBytes(3, labelIndex(ref));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(credentialRow(rs)) : Optional.empty();
            }
        }
    }

    private List<CredentialRow> credentials(long accountId) throws SQLException {
        List<CredentialRow> out = new ArrayList<>();
        try (PreparedStatement ps =
                db.prepareStatement(CREDENTIAL_COLUMNS + " FROM credential c WHERE c.account_id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(credentialRow(rs));
                }
            }
        }
        return out;
    }

    private byte[] labelIndex(CredentialRef ref) {
        return key.blindIndex(
                "credential-label", ref.label().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private CredentialRow credentialRow(ResultSet rs) throws SQLException {
        return credentialRow(SealedCredential.of(rs));
    }

    /** A credential row as read ({@link #CREDENTIAL_COLUMNS}), before its metadata is decrypted. */
    private record SealedCredential(
            long id,
            long accountId,
            String kind,
            byte[] labelIdx,
            String changed,
            String policy,
            String pendingSince,
            boolean suspect,
            boolean unverified,
            byte[] meta,
            byte[] secret,
            byte[] pending,
            int historySize) {
        static SealedCredential of(ResultSet rs) throws SQLException {
            return new SealedCredential(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getBytes(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8) != 0,
                    rs.getInt(9) != 0,
                    rs.getBytes(10),
                    rs.getBytes(11),
                    rs.getBytes(12),
                    rs.getInt(13));
        }
    }

    /** Every credential row, decrypted on all cores (the caller's thread and the common pool). */
    private List<CredentialRow> allCredentialRows() throws SQLException {
        List<SealedCredential> sealed = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(CREDENTIAL_COLUMNS + " FROM credential c")) {
            while (rs.next()) {
                sealed.add(SealedCredential.of(rs));
            }
        }
        return sealed.parallelStream().map(this::credentialRow).toList();
    }

    private CredentialRow credentialRow(SealedCredential c) {
        long id = c.id();
        Fields f = open("credential", id, "meta", c.meta());
        expect(f, "account_id", Long.toString(c.accountId()), "credential", id);
        expect(f, "kind", c.kind(), "credential", id);
        expect(f, "label_idx", HexFormat.of().formatHex(c.labelIdx()), "credential", id);
        expect(f, "changed_at", c.changed(), "credential", id);
        expect(f, "policy", c.policy(), "credential", id);
        expect(f, "pending_since", c.pendingSince(), "credential", id);
        expect(f, "suspect", c.suspect() ? "1" : "0", "credential", id);
        expect(f, "unverified", c.unverified() ? "1" : "0", "credential", id);
        if ((c.pending() == null) != (c.pendingSince() == null)) {
            throw tampered("credential row " + id + ": pending value and its date disagree");
        }
        try {
            CredentialKind k = CredentialKind.valueOf(c.kind().toUpperCase(Locale.ROOT));
            return new CredentialRow(
                    id,
                    c.accountId(),
                    new CredentialRef(k, f.string("label")),
                    c.labelIdx(),
                    Timestamps.parse(c.changed()),
                    RotationPolicy.parse(c.policy()),
                    c.pendingSince() == null ? null : Timestamps.parse(c.pendingSince()),
                    c.suspect(),
                    c.unverified(),
                    c.secret(),
                    c.pending(),
                    c.historySize());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw tampered("credential row " + id + " holds values that do not parse");
        }
    }

    private void insertCredential(long accountId, CredentialRef ref, Secret value, RotationPolicy policy, Instant now)
            throws SQLException {
        byte[] labelIdx = labelIndex(ref);
        long id = insertPlaceholder(
                "INSERT INTO credential (account_id, kind, label_idx, changed_at, policy, meta, secret) VALUES (?, ?, ?, ?, ?, x'', x'')",
                accountId,
                ref.kind().id(),
                labelIdx,
                now.toString(),
                policy.spec());
        exec("UPDATE credential SET secret = ? WHERE id = ?", sealSecret("credential", id, "secret", value), id);
        writeCredentialMeta(
                new CredentialRow(id, accountId, ref, labelIdx, now, policy, null, false, false, null, null));
    }

    /** Writes the clear columns of a credential and their authenticated copy in {@code meta}. */
    private void writeCredentialMeta(CredentialRow c) throws SQLException {
        Fields f = new Fields()
                .put("label", c.ref.label())
                .put("account_id", c.accountId)
                .put("kind", c.ref.kind().id())
                .put("label_idx", HexFormat.of().formatHex(c.labelIdx))
                .put("changed_at", c.changedAt.toString())
                .put("policy", c.policy.spec())
                .put("pending_since", c.pendingSince == null ? "" : c.pendingSince.toString())
                .put("suspect", c.suspect ? "1" : "0")
                .put("unverified", c.unverified ? "1" : "0");
        exec(
                "UPDATE credential SET changed_at = ?, policy = ?, pending_since = ?, suspect = ?, unverified = ?, meta = ? WHERE id = ?",
                c.changedAt.toString(),
                c.policy.spec(),
                c.pendingSince == null ? null : c.pendingSince.toString(),
                c.suspect ? 1 : 0,
                c.unverified ? 1 : 0,
                seal("credential", c.id, "meta", f),
                c.id);
    }

    /** A new current value typed by the user: history and {@code changed_at} move only if it differs. */
    private void changeValue(CredentialRow c, Secret value) throws SQLException {
        try (Secret current = decryptSecret("credential", c.id, "secret", c.secretBlob)) {
            if (current.sameValueAs(value)) {
                return;
            }
        }
        Instant now = now();
        pushHistory(c, now);
        exec("UPDATE credential SET secret = ? WHERE id = ?", sealSecret("credential", c.id, "secret", value), c.id);
        writeCredentialMeta(c.withChanged(now));
    }

    /** Moves the current value into history and keeps the newest {@link #HISTORY_LIMIT}. */
    private void pushHistory(CredentialRow c, Instant replacedAt) throws SQLException {
        Fields current = open("credential", c.id, "secret", c.secretBlob);
        try {
            long id = insertPlaceholder(
                    "INSERT INTO credential_history (credential_id, changed_at, replaced_at, secret) VALUES (?, ?, ?, x'')",
                    c.id,
                    c.changedAt.toString(),
                    replacedAt.toString());
            Fields h = new Fields()
                    .putBytes("value", current.bytes("value"))
                    .put("credential_id", c.id)
                    .put("changed_at", c.changedAt.toString())
                    .put("replaced_at", replacedAt.toString());
            exec(
                    "UPDATE credential_history SET secret = ? WHERE id = ?",
                    seal("credential_history", id, "secret", h),
                    id);
        } finally {
            current.wipe();
        }
        exec(
                "DELETE FROM credential_history WHERE credential_id = ? AND id NOT IN (SELECT id FROM credential_history"
                        + " WHERE credential_id = ? ORDER BY replaced_at DESC, id DESC LIMIT ?)",
                c.id,
                c.id,
                HISTORY_LIMIT);
    }

    // ---- devices

    private Optional<Long> deviceId(byte[] nameIdx) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM device WHERE name_idx = ?")) {
            ps.setBytes(1, nameIdx);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private void insertUse(long deviceId, long credentialId, Instant now) throws SQLException {
        long id = insertPlaceholder(
                "INSERT INTO device_use (device_id, credential_id, received_at, payload) VALUES (?, ?, ?, x'')",
                deviceId,
                credentialId,
                now.toString());
        exec("UPDATE device_use SET payload = ? WHERE id = ?", useFields(id, deviceId, credentialId, now), id);
    }

    private byte[] useFields(long id, long deviceId, long credentialId, Instant receivedAt) {
        return seal(
                "device_use",
                id,
                "payload",
                new Fields()
                        .put("device_id", deviceId)
                        .put("credential_id", credentialId)
                        .put("received_at", receivedAt.toString()));
    }

    // ---- errors

    private static NotFoundException notFound(Address a) {
        return new NotFoundException("no account " + a + " in the vault");
    }

    private static NotFoundException notFound(Address a, CredentialRef ref) {
        return new NotFoundException(a + " has no " + ref + " password");
    }

    @Override
    public String toString() {
        return "VaultSession[" + file + (closed ? ", locked" : "") + "]";
    }
}
