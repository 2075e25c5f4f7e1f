package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A run builds the model of the one subcommand it needs; whatever the arguments, the help, the
 * suggestions and the version read as if every subcommand were there.
 */
@DisplayName("The command model built for one run")
class CommandModelTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withEmptyVault(dir);
    }

    @Test
    @DisplayName("the root's help lists every command, also when a command follows it")
    void rootHelpListsAll() {
        for (String[] args :
                new String[][] {{"--help"}, {"--help", "list"}, {"-h", "verify"}, {"--vault", "x.db", "--help", "get"}
                }) {
            Result r = cli.run("", args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            for (Class<? extends VaultSubcommand> subcommand : VaultCommand.SUBCOMMANDS) {
                String name = subcommand.getAnnotation(Command.class).name();
                assertThat(r.out()).as(String.join(" ", args)).containsPattern("(?m)^  " + name + " ");
            }
        }
    }

    @Test
    @DisplayName("a command's own help is that command's, and a misspelt command gets its suggestion")
    void ownHelpAndSuggestion() {
        Result help = cli.run("", "list", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: vault list");

        Result typo = cli.run("", "--vault", "x.db", "lst");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Did you mean: list?");

        // letters swapped, an option misspelt, and a word near nothing
        assertThat(cli.run("", "lsit").err()).contains("unknown command 'lsit'. Did you mean: list?");
        assertThat(cli.run("", "list", "--jsno").err()).contains("Did you mean: --json?");
        assertThat(cli.run("", "frobnicate").err())
                .isEqualTo("vault: unknown command 'frobnicate'. Run 'vault --help' for the options.\n");
    }

    @Test
    @DisplayName("--version answers without any subcommand, before options or after them")
    void version() {
        for (String[] args : new String[][] {{"--version"}, {"--lang", "ja", "-V"}}) {
            Result r = cli.run("", args);
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("vault ").contains("Java ");
        }
    }

    @Test
    @DisplayName("no option or argument has a type whose converter the command leaves out")
    void convertersLeftOutAreUnused() {
        String[] excluded = Main.UNUSED_CONVERTERS.split(",");
        for (Class<? extends VaultSubcommand> subcommand : VaultCommand.SUBCOMMANDS) {
            CommandSpec spec = new CommandLine(subcommand).getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                for (Class<?> type : types(arg)) {
                    for (String regex : excluded) {
                        assertThat(type.getName())
                                .as("%s %s", spec.name(), arg.paramLabel())
                                .doesNotMatch(regex);
                    }
                }
            }
        }
    }

    private static List<Class<?>> types(ArgSpec arg) {
        List<Class<?>> types = new ArrayList<>(List.of(arg.type()));
        types.addAll(List.of(arg.auxiliaryTypes()));
        return types;
    }
}
