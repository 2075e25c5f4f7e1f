package dev.mailvault.cli.input;

import java.io.Console;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real terminal. Java 17 offers {@link System#console()} only when both standard input and
 * output are terminals; so that {@code vault get ADDRESS | xclip} can still ask for the master
 * password, a standard input that is a terminal is used through {@code /dev/tty} with echo turned
 * off by {@code stty}. When standard input is not a terminal there is nobody to ask.
 */
public final class SystemTerminal implements Terminal {
    private static final File TTY = new File("/dev/tty");

    private Boolean stdinIsTty;
    private Boolean stderrIsTty;

    @Override
    public boolean interactive() {
        return System.console() != null || stdinIsTty();
    }

    @Override
    public char[] readSecret(String prompt) {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("%s", prompt);
        }
        return readFromTty(prompt, false);
    }

    @Override
    public String readLine(String prompt) {
        Console console = System.console();
        if (console != null) {
            return console.readLine("%s", prompt);
        }
        char[] line = readFromTty(prompt, true);
        return line == null ? null : new String(line);
    }

    @Override
    public boolean errorIsTerminal() {
        if (stderrIsTty == null) {
            // the child inherits our standard error, so "test -t 2" asks about ours
            stderrIsTty = TTY.exists()
                    && openOn(2).map(SystemTerminal::mayBeTerminal).orElse(true)
                    && exitsZero(new ProcessBuilder("test", "-t", "2")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.INHERIT));
        }
        return stderrIsTty;
    }

    private boolean stdinIsTty() {
        if (stdinIsTty == null) {
            stdinIsTty = TTY.exists()
                    && openOn(0).map(SystemTerminal::mayBeTerminal).orElse(true)
                    && succeeds(new ProcessBuilder("test", "-t", "0").redirectInput(ProcessBuilder.Redirect.INHERIT));
        }
        return stdinIsTty;
    }

    /**
     * What standard descriptor {@code fd} is open on, where the system says so without starting a
     * process (Linux: {@code /proc/self/fd}): a file name, or {@code pipe:[…]}, {@code socket:[…]}.
     */
    private static Optional<String> openOn(int fd) {
        try {
            return Optional.of(
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * False when a descriptor open on {@code target} cannot be a terminal: a pipe, a socket, a
     * file, {@code /dev/null}. Any other device may be one, and then {@code test -t} decides.
     */
    static boolean mayBeTerminal(String target) {
        return target.startsWith("/dev/") && !target.equals("/dev/null");
    }

    private static char[] readFromTty(String prompt, boolean echo) {
        Thread restoreEcho = new Thread(() -> stty("echo"));
        try (InputStream in = new FileInputStream(TTY);
                OutputStream out = new FileOutputStream(TTY)) {
            out.write(prompt.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!echo) {
                // a Ctrl-C while echo is off must not leave the terminal silent
                Runtime.getRuntime().addShutdownHook(restoreEcho);
                stty("-echo");
            }
            try {
                return new LineReader(in).readLine();
            } finally {
                if (!echo) {
                    stty("echo");
                    Runtime.getRuntime().removeShutdownHook(restoreEcho);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stty(String setting) {
        succeeds(new ProcessBuilder("stty", setting).redirectInput(TTY));
    }

    private static boolean succeeds(ProcessBuilder builder) {
        return exitsZero(
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
    }

    private static boolean exitsZero(ProcessBuilder builder) {
        try {
            Process p = builder.start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
