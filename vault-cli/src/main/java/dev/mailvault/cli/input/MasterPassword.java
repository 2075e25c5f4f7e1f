package dev.mailvault.cli.input;

import dev.mailvault.cli.CliContext;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the master password comes from: {@code --password-file} (only mode 0600 or 0400), {@code
 * --password-stdin} (the first line of standard input), or the terminal. Never an argument.
 */
public final class MasterPassword {
    private static final Set<PosixFilePermission> MODE_0600 =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> MODE_0400 = EnumSet.of(PosixFilePermission.OWNER_READ);

    private final CliContext context;
    private final Texts texts;
    private final Path file;
    private final boolean fromStdin;

    public MasterPassword(CliContext context, Texts texts, Path file, boolean fromStdin) {
        this.context = context;
        this.texts = texts;
        this.file = file;
        this.fromStdin = fromStdin;
    }

    /** Whether the password is typed at the terminal (so it can be asked again). */
    public boolean fromTerminal() {
        return file == null && !fromStdin;
    }

    /** The master password of an existing vault. */
    public Secret read(Path vault) {
        return fromTerminal() ? ask(texts.get("prompt.master", vault)) : readNonInteractive();
    }

    /** A master password for a new vault: asked twice at a terminal. */
    public Secret readNew(Path vault) {
        if (!fromTerminal()) {
            return readNonInteractive();
        }
        return askTwice(texts.get("prompt.newMaster", vault));
    }

    /**
     * The replacement in {@code passwd}: twice at a terminal; otherwise the next line of standard
     * input (after the current password, when that also came from standard input).
     */
    public Secret readReplacement() {
        if (context.terminal().interactive()) {
            return askTwice(texts.get("prompt.replacementMaster"));
        }
        return nonEmpty(nextStdinLine(texts.get("what.newMaster")));
    }

    /** Asks once more at the terminal (before revealing everything). */
    public Secret askAgain() {
        return ask(texts.get("prompt.masterAgain"));
    }

    /**
     * The master password once more, before secrets are written out in clear: at the terminal when
     * there is one, else from the same source as the first time (the next line of standard input, or
     * the file read again).
     */
    public Secret readAgain(String prompt) {
        return context.terminal().interactive() ? ask(prompt) : readNonInteractive();
    }

    private Secret ask(String prompt) {
        requireTerminal();
        char[] typed = context.terminal().readSecret(prompt);
        if (typed == null) {
            throw new UsageError(texts.get("err.inputEnded", texts.get("what.master")));
        }
        return nonEmpty(Secret.adopt(typed));
    }

    private Secret askTwice(String prompt) {
        Secret first = ask(prompt);
        try (Secret second = ask(texts.get("prompt.again"))) {
            if (!first.sameValueAs(second)) {
                first.close();
                throw new UsageError(texts.get("err.entriesDiffer"));
            }
        }
        return first;
    }

    private void requireTerminal() {
        if (!context.terminal().interactive()) {
            throw new UsageError(texts.get("err.noTerminalForMaster"));
        }
    }

    private Secret readNonInteractive() {
        if (fromStdin) {
            return nonEmpty(nextStdinLine(texts.get("what.master")));
        }
        return nonEmpty(readFile());
    }

    private Secret nextStdinLine(String what) {
        char[] line = context.stdin().readLine();
        if (line == null) {
            throw new UsageError(texts.get("err.inputEnded", what));
        }
        return Secret.adopt(line);
    }

    private Secret readFile() {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageError(texts.get("err.passwordFileMissing", file));
            }
            // the mode of the file that is read: a symbolic link's own mode is always 0777, and
            // the chmod the message suggests would change its target, not the link
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!mode.equals(MODE_0600) && !mode.equals(MODE_0400)) {
                throw new UsageError(texts.get("err.passwordFileMode", file, octal(mode)));
            }
            // only the first line is read, into an array that is wiped: never the whole file
            char[] line;
            try (InputStream in = Files.newInputStream(file)) {
                line = new LineReader(in).readLine();
            } catch (LineReader.NotUtf8Exception e) {
                throw new UsageError(texts.get("err.passwordFileNotUtf8", file));
            } catch (LineReader.LineTooLongException e) {
                throw new UsageError(texts.get("err.passwordFileLineTooLong", file, LineReader.MAX_LINE_BYTES / 1024));
            } catch (LineReader.UnreadableInputException e) {
                throw new UsageError(texts.get("err.passwordFileUnreadable", file, e.reason()));
            }
            if (line == null) {
                throw new UsageError(texts.get("err.passwordFileEmpty", file));
            }
            return Secret.adopt(line);
        } catch (NoSuchFileException e) {
            throw new UsageError(texts.get("err.passwordFileMissing", file));
        } catch (UnsupportedOperationException e) {
            throw new UsageError(texts.get("err.passwordFileMode", file, "?"));
        } catch (IOException e) {
            throw new UsageError(
                    texts.get("err.passwordFileUnreadable", file, e.getClass().getSimpleName()));
        }
    }

    private Secret nonEmpty(Secret secret) {
        if (secret.isEmpty()) {
            secret.close();
            throw new UsageError(texts.get("err.emptyMaster"));
        }
        return secret;
    }

    static String octal(Set<PosixFilePermission> mode) {
        String rwx = PosixFilePermissions.toString(mode);
        int value = 0;
        for (int i = 0; i < 9; i++) {
            value = value << 1 | (rwx.charAt(i) == '-' ? 0 : 1);
        }
        return String.format("%04o", value);
    }
}
