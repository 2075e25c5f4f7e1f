package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the command line, {@code vault} ends with one of its documented exit codes (0 to 4,
 * never 70, the internal error), prints no stack trace unless asked with {@code --debug}, and never
 * writes to an existing vault: the master password it is given is wrong or missing, so nothing may
 * change, whatever the arguments say.
 */
@Label("vault with arbitrary arguments")
class ArgvFuzzPropertyTest {
    private static final String TARO = "taro@example.jp";
    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 3, 4);

    /** Commands of the contract, built or not yet; not {@code ui} and {@code demo}, which start other things. */
    private static final List<String> COMMANDS = List.of(
            "init",
            "add",
            "list",
            "show",
            "get",
            "edit",
            "remove",
            "passwd",
            "completion",
            "rotate",
            "verify",
            "devices",
            "device",
            "doctor",
            "audit",
            "remind",
            "providers",
            "import",
            "export",
            "pin",
            "help",
            "bash",
            "zsh",
            "done",
            "LIST",
            "lsit");

    private static final List<String> OPTIONS = List.of(
            "--json",
            "--reveal",
            "--history",
            "--kind",
            "--imap",
            "--smtp",
            "--login",
            "--smtp-login",
            "--separate-smtp-password",
            "--same-smtp-password",
            "--ca-cert",
            "--clear-ca-cert",
            "--policy",
            "--name",
            "--provider",
            "--password",
            "--yes",
            "--kdf-memory",
            "--kdf-iterations",
            "--kdf-parallelism",
            "--unlock-ms",
            "--lang",
            "--debug",
            "--password-stdin",
            "--password-file",
            "--vault",
            "--help",
            "-h",
            "--version",
            "-V",
            "--generate",
            "--length",
            "--promote",
            "--abandon",
            "--all",
            "--parallel",
            "--per-host",
            "--timeout",
            "--force",
            "--stale",
            "--check",
            "--format",
            "--type",
            "--uses",
            "--",
            "-",
            "-x",
            "--lang=ja",
            "--lang=xx",
            "--kind=app:",
            "--imap=",
            "--vault=");

    private static final List<String> VALUES = List.of(
            TARO,
            "hanako@example.jp",
            "TARO@EXAMPLE.JP",
            "not-an-address",
            "a@b",
            "@example.jp",
            "taro@",
            "imap.example.jp:993",
            "imap.example.jp:993:tls",
            "smtp.example.jp:587:starttls",
            "host:99999",
            "host:0",
            "host:-1",
            "h:1:plain",
            "host",
            ":993",
            "a..b:993",
            "6m",
            "0m",
            "90d",
            "never",
            "12x",
            "99999m",
            "app:",
            "app:iPhone",
            "app: ",
            "imap",
            "smtp",
            "portal",
            "ja",
            "en",
            "xx",
            "",
            " ",
            "-1",
            "0",
            "3",
            "4",
            "64",
            "63",
            "4097",
            "100000",
            "2147483648",
            "99999999999999999999",
            "ＡＢＣ",
            "日本語",
            "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
            "\t",
            "a\nb",
            "%s%n",
            "${jndi:ldap://x}",
            "../../etc/passwd",
            "/dev/null",
            "docomo",
            "generic",
            "unknown-provider",
            "keepassxc-csv",
            "bitwarden-json",
            "thunderbird",
            "iphone",
            "bash",
            "zsh");

    static Path dir;
    static Cli cli;
    static Path foreign;
    static List<Path> safeVaultPaths;

    @BeforeContainer
    static void vault() throws IOException {
        dir = Files.createTempDirectory("argv-fuzz");
        cli = Cli.withEmptyVault(dir);
        Result add = cli.unlockedWith(
                "taro's secret\n", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:465");
        assertThat(add.code()).as(add.err()).isZero();
        foreign = dir.resolve("notes.txt");
        Files.writeString(foreign, "not a vault\n");
        // --vault may only name files that exist: on a missing path, init would create a vault
        // (and calibrate for up to a minute); that is allowed, but it is not what this test is about
        safeVaultPaths = List.of(cli.vault, foreign);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record Invocation(List<String> args, String stdin) {
        @Override
        public String toString() {
            return args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" ")) + " < "
                    + stdin.replace("\n", "\\n");
        }
    }

    @Property(tries = 250)
    @Label("any arguments: an exit code from 0 to 4, no stack trace without --debug, the vault unchanged")
    void anyArguments(@ForAll("invocations") Invocation invocation) throws Exception {
        String vaultBefore = sha256(cli.vault);
        String foreignBefore = sha256(foreign);
        List<String> filesBefore = topLevelFiles();

        Result r = cli.run(invocation.stdin(), invocation.args().toArray(String[]::new));
        Statistics.label("exit code").collect(r.code());

        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isIn(DOCUMENTED);
        if (!invocation.args().contains("--debug")) {
            assertThat(r.err()).doesNotContain("\tat ");
        }
        assertThat(r.both()).doesNotContain("taro's secret");
        assertThat(sha256(cli.vault)).as("the vault's bytes").isEqualTo(vaultBefore);
        assertThat(sha256(foreign)).isEqualTo(foreignBefore);
        assertThat(topLevelFiles()).as("files beside the vault").isEqualTo(filesBefore);
    }

    @Property(tries = 150)
    @Label("a command, an address and options with values of about the right shape: the same rules")
    void wellFormedArguments(@ForAll("wellFormed") Invocation invocation) throws Exception {
        anyArguments(invocation);
    }

    /** Each command's own options, so that most runs get past parsing to validation and unlocking. */
    private static final Map<String, List<String>> OWN_OPTIONS = Map.ofEntries(
            Map.entry(
                    "add",
                    List.of(
                            "--imap",
                            "--smtp",
                            "--login",
                            "--smtp-login",
                            "--separate-smtp-password",
                            "--ca-cert",
                            "--policy",
                            "--name",
                            "--provider")),
            Map.entry(
                    "edit",
                    List.of(
                            "--imap",
                            "--smtp",
                            "--login",
                            "--password",
                            "--kind",
                            "--same-smtp-password",
                            "--separate-smtp-password",
                            "--clear-ca-cert",
                            "--policy",
                            "--name",
                            "--provider")),
            Map.entry("show", List.of("--json", "--reveal", "--history")),
            Map.entry("get", List.of("--kind")),
            Map.entry("list", List.of("--json")),
            Map.entry("remove", List.of("--yes")),
            Map.entry("passwd", List.of("--unlock-ms", "--kdf-memory", "--kdf-iterations", "--kdf-parallelism")),
            Map.entry("init", List.of("--unlock-ms", "--kdf-memory", "--kdf-iterations", "--kdf-parallelism")),
            Map.entry("rotate", List.of("--kind", "--generate", "--length", "--promote", "--abandon", "--yes")),
            Map.entry("verify", List.of("--json", "--all", "--parallel", "--per-host", "--timeout", "--force")),
            Map.entry("remind", List.of("--json", "--details")));

    private static final Set<String> FLAGS = Set.of(
            "--separate-smtp-password",
            "--same-smtp-password",
            "--clear-ca-cert",
            "--password",
            "--json",
            "--reveal",
            "--history",
            "--yes",
            "--generate",
            "--promote",
            "--abandon",
            "--all",
            "--force");

    private static final List<String> ENDPOINTS = List.of(
            "imap.example.jp:993",
            "smtp.example.jp:587:starttls",
            "127.0.0.1:465:tls",
            "host:99999",
            "h:1:plain",
            "a..b:993",
            ":25",
            "imap.example.jp",
            "ｉｍａｐ.example.jp:993");
    private static final List<String> NUMBERS =
            List.of("0", "-1", "3", "4", "64", "63", "100", "101", "4096", "4097", "60000", "2147483648", "x");

    /** Values of about the right shape for an option: mostly plausible, some wrong. */
    private static Arbitrary<String> valueFor(String option) {
        List<String> pool = switch (option) {
            case "--imap", "--smtp" -> ENDPOINTS;
            case "--policy" -> List.of("6m", "90d", "never", "0m", "12x", "99999m", "");
            case "--kind" -> List.of("imap", "smtp", "portal", "app:iPhone", "app:", "app: ", "pop3");
            case "--provider" -> List.of("docomo", "gmail", "generic", "unknown-provider", "");
            case "--ca-cert" -> List.of("/dev/null", "missing.pem", "../../etc/passwd");
            case "--unlock-ms",
                    "--kdf-memory",
                    "--kdf-iterations",
                    "--kdf-parallelism",
                    "--length",
                    "--parallel",
                    "--per-host",
                    "--timeout" -> NUMBERS;
            default -> List.of("Taro", "taro", "日本語の名前", "", " ", "${jndi:ldap://x}", "%s%n", "a\nb");
        };
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(pool)), Tuple.of(1, Arbitraries.of(VALUES)));
    }

    @Provide
    Arbitrary<Invocation> wellFormed() {
        Arbitrary<List<String>> args = Arbitraries.of(
                        OWN_OPTIONS.keySet().stream().sorted().toList())
                .flatMap(command -> Combinators.combine(
                                Arbitraries.of(TARO, TARO, "hanako@example.jp", "not-an-address", "Taro@Example.JP"),
                                Arbitraries.of(OWN_OPTIONS.get(command))
                                        .list()
                                        .uniqueElements()
                                        .ofMaxSize(3)
                                        .flatMap(options -> Combinators.combine(options.stream()
                                                        .map(o -> FLAGS.contains(o)
                                                                ? Arbitraries.just(List.of(o))
                                                                : valueFor(o).map(v -> List.of(o, v)))
                                                        .toList())
                                                .as(pairs -> pairs.stream()
                                                        .flatMap(List::stream)
                                                        .toList())),
                                Arbitraries.of(true, true, true, false),
                                Arbitraries.of(false, false, false, true))
                        .as((address, options, stdinOption, foreignVault) -> {
                            List<String> all = new ArrayList<>();
                            if (stdinOption) {
                                all.add("--password-stdin");
                            }
                            if (foreignVault) {
                                all.add("--vault");
                                all.add(foreign.toString());
                            }
                            all.add(command);
                            if (!Set.of("list", "passwd", "init").contains(command)) {
                                all.add(address);
                            }
                            all.addAll(options);
                            return safeVaults(all);
                        }));
        Arbitrary<String> stdin = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("wrong master\nnew secret\nnew secret\n")),
                Tuple.of(1, Arbitraries.of("", "\n", "\u00ff\n")));
        return Combinators.combine(args, stdin).as(Invocation::new);
    }

    @Provide
    Arbitrary<Invocation> invocations() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(COMMANDS)),
                Tuple.of(4, Arbitraries.of(OPTIONS)),
                Tuple.of(4, Arbitraries.of(VALUES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<List<String>> args = Combinators.combine(
                        Arbitraries.of(COMMANDS).injectNull(0.1),
                        token.list().ofMaxSize(7),
                        Arbitraries.integers().between(0, 7))
                .as((command, rest, at) -> {
                    List<String> all = new ArrayList<>(rest);
                    if (command != null) {
                        all.add(Math.min(at, all.size()), command);
                    }
                    return safeVaults(all);
                });
        // the master password is missing, wrong, or not text: nothing may be written
        Arbitrary<String> stdin = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.just("wrong master\nnew secret\nnew secret\n")),
                Tuple.of(1, Arbitraries.just("\n\n\n")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(s -> s.replace("\n", ""))));
        return Combinators.combine(args, stdin).as(Invocation::new);
    }

    /** Every value given to --vault names an existing file (see {@link #vault()}). */
    private static List<String> safeVaults(List<String> args) {
        List<String> out = new ArrayList<>(args);
        for (int i = 0; i < out.size(); i++) {
            String safe = safeVaultPaths.get(i % safeVaultPaths.size()).toString();
            if (out.get(i).equals("--vault")) {
                if (i + 1 < out.size()) {
                    out.set(i + 1, safe);
                } else {
                    out.add(safe);
                }
                i++;
            } else if (out.get(i).startsWith("--vault=")) {
                out.set(i, "--vault=" + safe);
            }
        }
        return out;
    }

    private static List<String> topLevelFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
