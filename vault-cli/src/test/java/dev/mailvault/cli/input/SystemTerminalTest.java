package dev.mailvault.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The real terminal")
class SystemTerminalTest {

    @Test
    @DisplayName("knows without asking another process that a pipe, socket, file or /dev/null is no terminal")
    void notTerminals() {
        assertThat(SystemTerminal.mayBeTerminal("pipe:[48213]")).isFalse();
        assertThat(SystemTerminal.mayBeTerminal("socket:[48213]")).isFalse();
        assertThat(SystemTerminal.mayBeTerminal("/home/alice/verify.log")).isFalse();
        assertThat(SystemTerminal.mayBeTerminal("/dev/null")).isFalse();
    }

    @Test
    @DisplayName("leaves devices that may be terminals to test -t")
    void maybeTerminals() {
        assertThat(SystemTerminal.mayBeTerminal("/dev/pts/3")).isTrue();
        assertThat(SystemTerminal.mayBeTerminal("/dev/tty1")).isTrue();
        assertThat(SystemTerminal.mayBeTerminal("/dev/console")).isTrue();
    }

    @Test
    @DisplayName("says standard error is no terminal when it goes to the test runner's pipe or file")
    void errorRedirected() throws Exception {
        Path stderr = Path.of("/proc/self/fd/2");
        assumeTrue(Files.isSymbolicLink(stderr), "Linux names open descriptors in /proc/self/fd");
        assumeTrue(
                !SystemTerminal.mayBeTerminal(Files.readSymbolicLink(stderr).toString()), "run with stderr redirected");
        assertThat(new SystemTerminal().errorIsTerminal()).isFalse();
    }
}
