package dev.mailvault.bench;

import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Argon2id derivation at the vault's floor (m = 64 MiB, t = 3, p = 4, 32-byte output): the
 * vault's own {@link MasterKey#deriveKek} (argon2-jvm, native libargon2) against Bouncy Castle's
 * pure-Java generator. Single-shot: each sample is one derivation, like one unlock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class KdfBenchmark {
    private static final byte[] SALT = "mailvault-bench!".getBytes(StandardCharsets.US_ASCII);
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private Secret master;

    @Setup
    public void setUp() {
        master = Secret.copyOf(PASSWORD);
        // both sides must compute the same function, or the comparison means nothing
        if (!MessageDigest.isEqual(vault(), bouncyCastle())) {
            throw new IllegalStateException("argon2-jvm and Bouncy Castle disagree at " + KdfParameters.FLOOR);
        }
    }

    @TearDown
    public void tearDown() {
        master.close();
    }

    @Benchmark
    public byte[] vault() {
        return MasterKey.deriveKek(master, KdfParameters.FLOOR, SALT);
    }

    @Benchmark
    public byte[] bouncyCastle() {
        KdfParameters p = KdfParameters.FLOOR;
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(p.iterations())
                .withMemoryAsKB(p.memoryKib())
                .withParallelism(p.parallelism())
                .withSalt(SALT)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        byte[] password = master.revealUtf8();
        try {
            generator.generateBytes(password, out);
        } finally {
            java.util.Arrays.fill(password, (byte) 0);
        }
        return out;
    }
}
