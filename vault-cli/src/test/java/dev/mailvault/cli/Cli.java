package dev.mailvault.cli;

import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.VaultService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the real command line in-process over a temporary folder: its own vault path (through
 * {@code $VAULT_FILE}), its own state folder, injected standard input and a chosen terminal.
 */
final class Cli {
    static final String MASTER = "correct horse battery staple";
    static final String[] FLOOR_KDF = {"--kdf-memory", "64", "--kdf-iterations", "3", "--kdf-parallelism", "4"};

    private static Path template;

    final Path dir;
    final Path vault;
    final Map<String, String> env = new HashMap<>();
    Terminal terminal = Terminal.NONE;
    Supplier<VaultService> service;

    Cli(Path dir) {
        this.dir = dir;
        this.vault = dir.resolve("vault.db");
        env.put("VAULT_FILE", vault.toString());
        env.put("LANG", "en_US.UTF-8");
        // the user's own provider entries are read from here: never the real home folder
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toAbsolutePath().toString());
        this.service = () -> new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("state"));
    }

    /** A fresh empty vault (master password {@link #MASTER}, floor KDF), copied from one made once. */
    static synchronized Cli withEmptyVault(Path dir) {
        try {
            if (template == null) {
                Path templateDir = Files.createTempDirectory("vault-cli-template");
                Cli maker = new Cli(templateDir);
                Result made = maker.run(MASTER + "\n", concat(new String[] {"--password-stdin", "init"}, FLOOR_KDF));
                if (made.code() != 0) {
                    throw new IllegalStateException("could not make the template vault: " + made);
                }
                template = maker.vault;
                templateDir.toFile().deleteOnExit();
                template.toFile().deleteOnExit();
            }
            Cli cli = new Cli(dir);
            Files.copy(template, cli.vault, StandardCopyOption.COPY_ATTRIBUTES);
            return cli;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of this vault file in another folder, with its own state: tests set up a vault once
     * per class and copy it for each test, since every unlock costs a floor-KDF derivation.
     */
    Cli copyTo(Path otherDir) {
        try {
            Cli copy = new Cli(otherDir);
            Files.copy(vault, copy.vault, StandardCopyOption.COPY_ATTRIBUTES);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                terminal,
                env,
                service);
        int code = new VaultCli(context).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with the master password on standard input, followed by {@code moreLines}. */
    Result unlockedWith(String moreLines, String... args) {
        return run(MASTER + "\n" + moreLines, concat(new String[] {"--password-stdin"}, args));
    }

    Result unlocked(String... args) {
        return unlockedWith("", args);
    }

    byte[] vaultBytes() {
        try {
            return Files.readAllBytes(vault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    record Result(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }
}
