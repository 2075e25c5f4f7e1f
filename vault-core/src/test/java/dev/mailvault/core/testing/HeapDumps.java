package dev.mailvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap dumps of a child JVM, for tests that prove a secret is not left in memory. The child runs
 * with the Epsilon collector, which never collects: every array that ever held a secret and was not
 * wiped is still in its heap when it is dumped. That is the worst case for wiping, and it makes such
 * a test deterministic (no collection can hide a copy by luck).
 */
public final class HeapDumps {
    private HeapDumps() {}

    /**
     * The command that runs {@code mainClass} with {@code args} on this test's class path in a JVM
     * that never collects; {@code jvmOptions} are added to that JVM's own.
     */
    public static List<String> childCommand(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:+UseEpsilonGC",
                "-Xlog:disable",
                "-Xms1g",
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Dumps every object of the JVM {@code pid}, reachable or not, into {@code dump} with the JDK's
     * {@code jcmd}; what jcmd says is kept in {@code jcmd.txt} beside it.
     */
    public static void dump(long pid, Path dump) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        assertThat(jcmd).as("jcmd of the JDK running the tests").isExecutable();
        File log = dump.resolveSibling("jcmd.txt").toFile();
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_dump", "-all", dump.toString())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jcmd finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log.toPath())).isZero();
        assertThat(dump).as(Files.readString(log.toPath())).exists();
    }
}
