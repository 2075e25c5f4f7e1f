package dev.mailvault.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real {@code vault} command as a child process ({@code java -cp <the test classpath>
 * dev.mailvault.cli.Main}), on a vault in a temporary folder, in English, with the JVM options of
 * the {@code ./vault} launcher. Its output goes to files, so it can be read after a kill.
 */
final class CliProcess {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path dir;
    private final Path vault;

    CliProcess(Path dir, Path vault) {
        this.dir = dir;
        this.vault = vault;
    }

    /** A started command; its standard input is written and closed already. */
    final class Started {
        private final Process process;
        private final Path out;
        private final Path err;
        private final long startedNanos = System.nanoTime();

        private Started(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        long pid() {
            return process.pid();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** SIGKILL on Linux: no shutdown hook, no finally block, no flush runs. */
        void kill() {
            process.destroyForcibly();
        }

        Result await() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("vault did not finish within 120 s");
                }
                long millis = (System.nanoTime() - startedNanos) / 1_000_000;
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8),
                        millis);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Result(int code, String out, String err, long millis) {
        boolean killed() {
            return code == 128 + 9;
        }
    }

    /** Starts {@code vault --lang en --password-stdin ARGS} with {@code stdin} on its standard input. */
    Started start(String stdin, String... args) {
        int n = RUNS.incrementAndGet();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                "dev.mailvault.cli.Main",
                "--lang",
                "en",
                "--password-stdin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("VAULT"));
        builder.environment().put("VAULT_FILE", vault.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Path out = dir.resolve("run-" + n + ".out");
        Path err = dir.resolve("run-" + n + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the command may already be gone (killed, or done without reading): its result says so
            }
            return new Started(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String stdin, String... args) {
        return start(stdin, args).await();
    }
}
