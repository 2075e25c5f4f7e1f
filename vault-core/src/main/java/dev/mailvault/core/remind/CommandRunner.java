package dev.mailvault.core.remind;

import java.time.Duration;
import java.util.List;

/**
 * Runs a program with arguments (never through a shell) and returns its exit code and output.
 * Injected so that installer and notifier tests run without systemd or a desktop.
 */
@FunctionalInterface
public interface CommandRunner {

    /** What a finished command returned; {@code output} joins standard output and error. */
    record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command}; throws {@link dev.mailvault.core.VaultException} when the program
     * cannot be started or does not finish in time.
     */
    Result run(List<String> command);

    /** Runs real processes, with no standard input, waiting at most 60 seconds for each. */
    static CommandRunner processes() {
        return new ProcessCommandRunner(Duration.ofSeconds(60));
    }
}
