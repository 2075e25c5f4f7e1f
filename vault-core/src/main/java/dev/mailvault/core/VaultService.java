package dev.mailvault.core;

import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.Schedule;
import dev.mailvault.core.store.sqlite.GenerationLog;
import dev.mailvault.core.store.sqlite.SqliteVault;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The one entry point of the core: creates, opens and inspects vault files. */
public final class VaultService {
    private final Clock clock;
    private final SecureRandom random;
    private final GenerationLog generations;

    public VaultService(Clock clock, SecureRandom random, Path stateDir) {
        this.clock = clock;
        this.random = random;
        this.generations = new GenerationLog(stateDir);
    }

    /** The system clock, a strong random source, and the user's state folder. */
    public static VaultService system() {
        return new VaultService(Clock.systemDefaultZone(), new SecureRandom(), defaultStateDir(System.getenv()));
    }

    /** {@code $VAULT_FILE}, else {@code $XDG_DATA_HOME/mailvault/vault.db}, else {@code ~/.local/share/mailvault/vault.db}. */
    public static Path defaultVaultPath(Map<String, String> env) {
        String explicit = env.get("VAULT_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return dataHome(env, "XDG_DATA_HOME", ".local/share")
                .resolve("mailvault")
                .resolve("vault.db");
    }

    /** {@code $XDG_STATE_HOME/mailvault}, else {@code ~/.local/state/mailvault}. */
    public static Path defaultStateDir(Map<String, String> env) {
        return dataHome(env, "XDG_STATE_HOME", ".local/state").resolve("mailvault");
    }

    /**
     * The {@code ~} of the default paths: {@code $HOME} when it is an absolute path, as a shell's
     * {@code ~} is, else the home folder of the account (Java's {@code user.home}, which ignores
     * {@code $HOME}).
     */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** {@code $variable} when it is an absolute path (the XDG specification ignores others), else {@code ~/fallback}. */
    private static Path dataHome(Map<String, String> env, String variable, String fallback) {
        String xdg = env.get(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home(env).resolve(fallback);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Argon2id parameters that take about {@code target} on this machine: memory grows first (up
     * to 1 GiB), then iterations; never below the floor.
     */
    public KdfParameters calibrate(Duration target) {
        long floorMillis = measure(KdfParameters.FLOOR);
        double ratio = (double) target.toMillis() / Math.max(1, floorMillis);
        if (ratio <= 1.0) {
            return KdfParameters.FLOOR;
        }
        int memoryMib = (int) Math.min(1024, Math.max(64, 64 * ratio));
        memoryMib = Math.max(64, memoryMib / 16 * 16);
        double perIteration = floorMillis * (memoryMib / 64.0) / KdfParameters.FLOOR_ITERATIONS;
        int iterations = (int) Math.max(
                KdfParameters.FLOOR_ITERATIONS,
                Math.min(KdfParameters.CEILING_ITERATIONS, Math.round(target.toMillis() / perIteration)));
        KdfParameters guess = KdfParameters.ofMebibytes(memoryMib, iterations, KdfParameters.FLOOR_PARALLELISM);
        long took = measure(guess);
        if (took > target.toMillis() * 13 / 10 && iterations > KdfParameters.FLOOR_ITERATIONS) {
            int fewer = (int) Math.max(
                    KdfParameters.FLOOR_ITERATIONS, Math.round(iterations * (double) target.toMillis() / took));
            guess = KdfParameters.ofMebibytes(memoryMib, fewer, KdfParameters.FLOOR_PARALLELISM);
        }
        return guess;
    }

    /** How long one derivation with {@code parameters} takes here, in milliseconds. */
    public long measure(KdfParameters parameters) {
        byte[] salt = new byte[MasterKey.SALT_LENGTH];
        random.nextBytes(salt);
        try (Secret probe = Secret.copyOf("calibration".toCharArray())) {
            long start = System.nanoTime();
            byte[] out = MasterKey.deriveKek(probe, parameters, salt);
            long took = (System.nanoTime() - start) / 1_000_000;
            Arrays.fill(out, (byte) 0);
            return took;
        }
    }

    /** Creates a vault; refuses to overwrite anything. The file is 0600, a folder made for it 0700. */
    public void create(Path file, Secret master, KdfParameters parameters) {
        if (master.isEmpty()) {
            throw new BadInputException("the master password must not be empty");
        }
        SqliteVault.create(file, master, parameters, random);
    }

    /** Opens and unlocks a vault. */
    public VaultSession open(Path file, Secret master) {
        return SqliteVault.open(file, master, clock, random, generations);
    }

    /** Each credential's {@code changed_at} and policy, read without unlocking; names nothing. */
    public List<Schedule> schedules(Path file) {
        return SqliteVault.schedules(file).stream()
                .map(e -> new Schedule(e.getKey(), e.getValue()))
                .toList();
    }
}
