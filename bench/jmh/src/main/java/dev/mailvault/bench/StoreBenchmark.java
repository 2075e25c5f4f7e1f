package dev.mailvault.bench;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core store at 10,000 accounts: unlock and decrypt everything, decrypt everything on an open
 * session, look one account up, add one, and rotate one (pending value, then promotion). The filled
 * vault is built once through the core API and cached ({@code -Dbench.cache=DIR}, default
 * {@code java.io.tmpdir/mailvault-bench}); each fork works on a copy.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreBenchmark {
    static final char[] MASTER = "bench master password".toCharArray();

    @State(Scope.Benchmark)
    public static class FilledVault {
        @Param({"10000"})
        public int accounts;

        Path dir;
        Path file;
        VaultService service;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path cache = Path.of(System.getProperty(
                    "bench.cache",
                    Path.of(System.getProperty("java.io.tmpdir"), "mailvault-bench")
                            .toString()));
            Files.createDirectories(cache);
            Path cached = cache.resolve("store-" + accounts + ".db");
            if (!Files.exists(cached)) {
                fill(cached, accounts);
            }
            dir = Files.createTempDirectory("mailvault-bench");
            file = dir.resolve("vault.db");
            Files.copy(cached, file, StandardCopyOption.COPY_ATTRIBUTES);
            service = new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("state"));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        private static void fill(Path target, int count) throws IOException {
            Path tmp = target.resolveSibling(target.getFileName() + ".filling");
            Files.deleteIfExists(tmp);
            VaultService filler =
                    new VaultService(Clock.systemUTC(), new SecureRandom(), Files.createTempDirectory("mvb-state"));
            try (Secret master = Secret.copyOf(MASTER)) {
                filler.create(tmp, master, KdfParameters.FLOOR);
                try (VaultSession session = filler.open(tmp, master)) {
                    for (int i = 0; i < count; i++) {
                        try (Secret password = Accounts.password(i)) {
                            session.addAccount(Accounts.spec(i, "127.0.0.1", 993, 465, ""), password, null);
                        }
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @State(Scope.Benchmark)
    public static class OpenVault {
        VaultSession session;
        int accounts;
        int added;
        final SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void setUp(FilledVault vault) {
            try (Secret master = Secret.copyOf(MASTER)) {
                session = vault.service.open(vault.file, master);
            }
            accounts = vault.accounts;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            session.close();
        }
    }

    /** What `vault list` does after start-up: Argon2id, unwrap, decrypt every account. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 8)
    public int unlockAndListAll(FilledVault vault) {
        try (Secret master = Secret.copyOf(MASTER);
                VaultSession session = vault.service.open(vault.file, master)) {
            return session.accounts().size();
        }
    }

    /** Decrypting and checking every account on an unlocked session: the store's share of a list. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<AccountInfo> listAll(OpenVault open) {
        return open.session.accounts();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Optional<AccountInfo> findAccount(OpenVault open) {
        return open.session.findAccount(Accounts.address(open.random.nextInt(open.accounts)));
    }

    /** One transaction (synchronous=FULL): an account row and its IMAP credential. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AccountInfo addAccount(OpenVault open) {
        int i = open.accounts + open.added++;
        try (Secret password = Accounts.password(i)) {
            return open.session.addAccount(Accounts.spec(i, "127.0.0.1", 993, 465, ""), password, null);
        }
    }

    /** A rotation: store a pending value, then promote it (history, changed_at, devices). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void rotateAndPromote(OpenVault open) {
        int i = open.random.nextInt(open.accounts);
        try (Secret next = Secret.adopt(("rotated-" + open.random.nextLong()).toCharArray())) {
            open.session.setPending(Accounts.address(i), CredentialRef.IMAP, next);
            open.session.promotePending(Accounts.address(i), CredentialRef.IMAP, true);
        }
    }
}
