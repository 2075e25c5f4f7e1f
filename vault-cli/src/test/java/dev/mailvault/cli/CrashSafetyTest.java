package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The real command, killed with SIGKILL at random moments while it adds, edits and rotates
 * accounts (a rotation: a pending value stored, then promoted or abandoned). After
 * every kill the file passes SQLite's integrity check, opens with the master password, and holds
 * every change a command had reported as done; a change that was cut off is there wholly or not at
 * all.
 *
 * <p>Seeded: the seed is printed and in every failure message; {@code -Dmailvault.crash.seed=N}
 * repeats a run's choices (the moments of the kills depend on the machine's speed as well).
 * {@code -Dmailvault.crash.kills=N} sets how many kills (default 50).
 */
@Tag("slow")
@DisplayName("vault killed at random moments loses nothing it reported done")
class CrashSafetyTest {
    private static final String MASTER = "crash test master";
    private static final String[] FLOOR_KDF = {"--kdf-memory", "64", "--kdf-iterations", "3", "--kdf-parallelism", "4"};
    /**
     * Kill delays are drawn from 0 to this, or to the typical (median) length of a command seen so
     * far if that is longer, so that on a slow machine kills still reach the end of a command.
     */
    private static final int KILL_WINDOW_MS = 800;
    /** Aimed kills come 0 to this many ms after the command's first write to the WAL. */
    private static final int AIMED_WINDOW_MS = 40;

    @TempDir
    Path dir;

    private final long seed = Long.getLong("mailvault.crash.seed", new SecureRandom().nextLong());
    private final int wantedKills = Integer.getInteger("mailvault.crash.kills", 50);

    /** What the vault must hold: address → IMAP password and display name. */
    private final Map<String, Account> expected = new LinkedHashMap<>();

    /** An account's IMAP password, display name, and the pending value of a rotation (or null). */
    private record Account(String password, String name, String pending) {}

    private enum Kind {
        ADD,
        EDIT_PASSWORD,
        EDIT_NAME,
        ROTATE,
        PROMOTE,
        ABANDON
    }

    /** One command, with what the vault holds if it took effect. */
    private record Step(Kind kind, String address, String stdin, String[] args, String doneLine, Account after) {}

    @Test
    @DisplayName("at least 50 kills: integrity ok, the vault opens, reported changes are there, none is half done")
    void killedAtRandomMoments() {
        System.out.println("CrashSafetyTest seed " + seed + " (repeat with -Dmailvault.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path vault = dir.resolve("vault.db");
        CliProcess cli = new CliProcess(dir, vault);
        VaultService service = new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("test-state"));

        CliProcess.Result init = cli.run(MASTER + "\n", Cli.concat(new String[] {"init"}, FLOOR_KDF));
        assertThat(init.code()).as(init.err()).isZero();

        long start = System.nanoTime();
        int kills = 0;
        int aimedKills = 0;
        int cutBeforeCommit = 0;
        int cutAfterCommit = 0;
        int completed = 0;
        List<Long> durations = new ArrayList<>();
        for (int n = 0; kills < wantedKills; n++) {
            assertThat(n)
                    .as("seed %d: steps without reaching %d kills", seed, wantedKills)
                    .isLessThan(wantedKills * 4);
            Step step = next(random, n);
            // 2 in 10 run to the end; the others are killed, half at a random moment of the whole
            // run, half at a random moment after the command starts writing (its WAL grows), so
            // that kills land in the commit and the checkpoint, not only in start-up and Argon2
            int mode = random.nextInt(10);
            boolean kill = mode >= 2;
            boolean aimed = mode >= 6;
            long window = Math.max(KILL_WINDOW_MS, median(durations));
            long delay = aimed ? random.nextInt(AIMED_WINDOW_MS + 1) : random.nextInt((int) window + 1);

            long walBefore = walSize(vault);
            CliProcess.Started started = cli.start(step.stdin(), step.args());
            if (kill) {
                if (aimed) {
                    awaitWrite(vault, walBefore, started);
                }
                sleep(delay);
                started.kill();
            }
            CliProcess.Result result = started.await();
            String what = "seed " + seed + ", step " + n + " " + step.kind() + " " + step.address()
                    + (kill ? " killed " + delay + " ms after " + (aimed ? "its first write" : "start") : "")
                    + ", exit " + result.code() + ": " + result.err();
            if (!result.killed()) {
                assertThat(result.code()).as(what).isZero();
                durations.add(result.millis());
                // done and reported: the check after the next kill proves it is there
                expected.put(step.address(), step.after());
                completed++;
                continue;
            }
            kills++;
            aimedKills += aimed ? 1 : 0;
            boolean reported = result.out().contains(step.doneLine());
            boolean applied = check(vault, service, step, reported, what);
            if (!applied) {
                cutBeforeCommit++;
            } else if (!reported) {
                cutAfterCommit++;
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.printf(
                "CrashSafetyTest: %d kills (%d aimed at the write; %d before the commit, %d after it but before"
                        + " the report), %d commands completed, %d accounts at the end, %d s, kill window up to %d ms%n",
                kills,
                aimedKills,
                cutBeforeCommit,
                cutAfterCommit,
                completed,
                expected.size(),
                seconds,
                Math.max(KILL_WINDOW_MS, median(durations)));
        assertThat(kills).isGreaterThanOrEqualTo(wantedKills);
    }

    private Step next(Random random, int n) {
        List<String> addresses = new ArrayList<>(expected.keySet());
        int dice = random.nextInt(10);
        if (addresses.isEmpty() || dice < 3) {
            String address = "user" + n + "@example.org";
            Account after = new Account(password(random), "User " + n, null);
            return new Step(
                    Kind.ADD,
                    address,
                    MASTER + "\n" + after.password() + "\n",
                    new String[] {
                        "add",
                        address,
                        "--imap",
                        "imap.example.org:993",
                        "--smtp",
                        "smtp.example.org:465",
                        "--name",
                        after.name()
                    },
                    "Added " + address,
                    after);
        }
        String address = addresses.get(random.nextInt(addresses.size()));
        Account before = expected.get(address);
        if (dice < 5) {
            Account after = new Account(password(random), before.name(), before.pending());
            return new Step(
                    Kind.EDIT_PASSWORD,
                    address,
                    MASTER + "\n" + after.password() + "\n",
                    new String[] {"edit", address, "--password"},
                    "Stored the new imap password of " + address,
                    after);
        }
        if (dice < 6) {
            Account after = new Account(before.password(), "Renamed " + n, before.pending());
            return new Step(
                    Kind.EDIT_NAME,
                    address,
                    MASTER + "\n",
                    new String[] {"edit", address, "--name", after.name()},
                    "Updated " + address,
                    after);
        }
        if (dice < 8 || before.pending() == null) {
            Account after = new Account(before.password(), before.name(), password(random));
            return new Step(
                    Kind.ROTATE,
                    address,
                    MASTER + "\n" + after.pending() + "\n",
                    new String[] {"rotate", address, "--yes"},
                    "of " + address + " as pending",
                    after);
        }
        if (dice < 9) {
            Account after = new Account(before.pending(), before.name(), null);
            return new Step(
                    Kind.PROMOTE,
                    address,
                    MASTER + "\n",
                    new String[] {"rotate", address, "--promote", "--yes"},
                    "of " + address + " is now the current one",
                    after);
        }
        Account after = new Account(before.password(), before.name(), null);
        return new Step(
                Kind.ABANDON,
                address,
                MASTER + "\n",
                new String[] {"rotate", address, "--abandon", "--yes"},
                "of " + address + "; the current one stays",
                after);
    }

    /**
     * Checks the file after a step and learns the step's fate: whether its change is there. A
     * reported change must be; an unreported one may be, but only whole.
     */
    private boolean check(Path vault, VaultService service, Step step, boolean reported, String what) {
        assertThat(integrityCheck(vault)).as(what).isEqualTo("ok");
        try (Secret master = Secret.copyOf(MASTER.toCharArray());
                VaultSession session = service.open(vault, master)) {
            Address address = Address.of(step.address());
            Account before = expected.get(step.address());
            Account found = session.findAccount(address)
                    .map(info -> stored(session, info, before, step.after()))
                    .orElse(null);
            boolean applied = step.after().equals(found);
            if (reported) {
                assertThat(found).as("reported done: " + what).isEqualTo(step.after());
            } else {
                assertThat(found)
                        .as("cut off, so the old state or the new one: " + what)
                        .isIn(before, step.after());
            }
            if (found != null) {
                expected.put(step.address(), found);
            }
            assertThat(session.accounts().stream().map(a -> a.address().value()))
                    .as(what)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Map.Entry<String, Account> e : expected.entrySet()) {
                AccountInfo info = session.account(Address.of(e.getKey()));
                assertThat(stored(session, info, e.getValue(), e.getValue()))
                        .as("%s: %s", e.getKey(), what)
                        .isEqualTo(e.getValue());
            }
            return applied;
        }
    }

    /**
     * The account as stored, each secret named by the expected value it equals (from {@code one}
     * or {@code other}); a rotation's pending value and its date are both there or both absent.
     */
    private static Account stored(VaultSession session, AccountInfo info, Account one, Account other) {
        String password;
        try (Secret current = session.secret(info.address(), CredentialRef.IMAP)) {
            password = nameOf(current, one == null ? null : one.password(), other.password());
        }
        Optional<Secret> pendingValue = session.pendingSecret(info.address(), CredentialRef.IMAP);
        boolean pendingDate = info.credential(CredentialRef.IMAP).orElseThrow().hasPending();
        assertThat(pendingDate)
                .as("pending date and pending value of %s go together", info.address())
                .isEqualTo(pendingValue.isPresent());
        String pending = null;
        if (pendingValue.isPresent()) {
            try (Secret value = pendingValue.get()) {
                pending = nameOf(value, one == null ? null : one.pending(), other.pending());
            }
        }
        return new Account(password, info.spec().displayName(), pending);
    }

    private static String nameOf(Secret stored, String one, String other) {
        for (String candidate : new String[] {one, other}) {
            if (candidate != null) {
                try (Secret wanted = Secret.copyOf(candidate.toCharArray())) {
                    if (stored.sameValueAs(wanted)) {
                        return candidate;
                    }
                }
            }
        }
        return "(a value that was never stored)";
    }

    /** SQLite's own check, on a read-only connection made by the test, not by Mail Vault. */
    static String integrityCheck(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return "integrity_check failed: " + e.getMessage();
        }
    }

    /** Letters, digits, signs and Japanese: what people put into mail passwords. */
    private static String password(Random random) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+-=?@_~あいうえお漢字";
        StringBuilder b = new StringBuilder();
        int length = 12 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Returns once the command has written to the WAL (or has ended, or 60 s have passed). */
    private static void awaitWrite(Path vault, long walBefore, CliProcess.Started started) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (started.alive() && System.nanoTime() < deadline && walSize(vault) <= walBefore) {
            LockSupport.parkNanos(200_000);
        }
    }

    private static long walSize(Path vault) {
        try {
            return Files.size(vault.resolveSibling(vault.getFileName() + "-wal"));
        } catch (IOException e) {
            return 0;
        }
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
