package dev.mailvault.cli;

import dev.mailvault.cli.input.SystemTerminal;
import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.VaultService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run for the class-data-sharing archive the {@code ./vault} launcher makes after each
 * build: it runs common commands in-process on a throw-away vault in a temporary folder (never the
 * user's), so the archive holds the classes real runs load. Its output is discarded; its only
 * connections go to a closed port on 127.0.0.1.
 */
public final class CdsTraining {
    private static final String MASTER = "cds-training-only\n";

    private CdsTraining() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path dir = Files.createTempDirectory("vault-cds");
        try {
            Path vault = dir.resolve("vault.db");
            Map<String, String> env = Map.of("VAULT_FILE", vault.toString(), "LANG", "en_US.UTF-8");
            run(env, dir, "", "--help");
            run(env, dir, "", "--version");
            run(env, dir, "", "--lang", "ja", "add", "--help");
            run(
                    env,
                    dir,
                    MASTER,
                    "--password-stdin",
                    "init",
                    "--kdf-memory",
                    "64",
                    "--kdf-iterations",
                    "3",
                    "--kdf-parallelism",
                    "4");
            run(
                    env,
                    dir,
                    MASTER + "imap-secret\n",
                    "--password-stdin",
                    "add",
                    "taro@example.jp",
                    "--imap",
                    "imap.example.jp:993",
                    "--smtp",
                    "smtp.example.jp:465");
            run(env, dir, MASTER, "--password-stdin", "list");
            run(env, dir, MASTER, "--password-stdin", "list", "--json");
            run(env, dir, MASTER, "--password-stdin", "show", "taro@example.jp", "--history");
            run(env, dir, MASTER, "--password-stdin", "get", "taro@example.jp");
            run(env, dir, "wrong\n", "--password-stdin", "list");
            // verify against a closed port on this machine: the TLS and Jakarta Mail classes load,
            // nothing leaves the machine
            run(
                    env,
                    dir,
                    MASTER + "local-secret\n",
                    "--password-stdin",
                    "add",
                    "hanako@example.jp",
                    "--imap",
                    "127.0.0.1:1",
                    "--smtp",
                    "127.0.0.1:1");
            run(env, dir, MASTER, "--password-stdin", "verify", "--all", "--timeout", "1");
            run(env, dir, MASTER, "--password-stdin", "verify", "hanako@example.jp", "--json", "--timeout", "1");
            run(env, dir, MASTER, "--password-stdin", "rotate", "taro@example.jp", "--generate", "--yes");
            run(env, dir, MASTER, "--password-stdin", "devices");
            run(env, dir, MASTER, "--password-stdin", "audit");
            run(env, dir, MASTER, "--password-stdin", "audit", "--json");
            run(env, dir, MASTER, "--password-stdin", "remind");
            run(env, dir, "", "providers");
            // what a real start loads besides: the main class and the real terminal
            Class.forName(Main.class.getName(), false, CdsTraining.class.getClassLoader());
            Class.forName(SystemTerminal.class.getName(), false, CdsTraining.class.getClassLoader());
            // and the real context: made, never run, so that its method reference is linked here
            // (else it is spun at every start, with the bytecode generator loaded for it)
            VaultCli.system();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Map<String, String> env, Path dir, String stdin, String... args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        CliContext context = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                sink,
                sink,
                Terminal.NONE,
                env,
                () -> new VaultService(Clock.systemDefaultZone(), new SecureRandom(), dir.resolve("state")));
        new VaultCli(context).run(args);
    }
}
