package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs, in order, every command of README.md's tour on a fresh vault, so the README cannot rot: a
 * command or flag that no longer exists fails here. Network checks reach no real server from a
 * test machine; they must still end as findings (exit 1), never as usage or internal errors.
 */
class ReadmeCommandsTest {
    static final String START = "<!-- readme-tour";
    static final String END = "<!-- /readme-tour -->";

    @TempDir
    Path dir;

    @Test
    @DisplayName("every command of the README's tour runs and ends with 0 or 1")
    void tourRuns() throws IOException {
        List<List<String>> commands = tour(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        assertThat(commands).hasSizeGreaterThan(10);
        Cli cli = new Cli(dir);
        int n = 0;
        for (List<String> command : commands) {
            n++;
            List<String> args = new ArrayList<>(List.of("--password-stdin"));
            for (String token : command) {
                args.add(
                        token.endsWith(".db") && !token.startsWith("/")
                                ? dir.resolve(token).toString()
                                : token);
            }
            String sub = command.get(0);
            if (sub.equals("init")) {
                args.addAll(List.of(Cli.FLOOR_KDF));
            }
            if (sub.equals("verify") || (sub.equals("doctor") && command.contains("--check"))) {
                args.addAll(List.of("--timeout", "2"));
            }
            // master password first, then any secret the command reads (one per line), new each time
            String secrets = "readme-secret-" + n + "a\nreadme-secret-" + n + "b\n";
            Cli.Result result = cli.run(Cli.MASTER + "\n" + secrets, args.toArray(String[]::new));
            assertThat(result.code())
                    .as("vault %s\n%s", String.join(" ", command), result.both())
                    .isIn(0, 1);
            assertThat(result.err()).as("no stack trace from %s", command).doesNotContain("\tat ");
        }
    }

    /** The commands between the tour markers, without the leading "vault" and trailing comments. */
    static List<List<String>> tour(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has a tour").isNotNegative();
        List<List<String>> out = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            List<String> tokens = tokens(line.strip());
            if (!tokens.isEmpty() && tokens.get(0).equals("vault")) {
                out.add(tokens.subList(1, tokens.size()));
            }
        }
        return out;
    }

    /** Shell-like words: double quotes group, an unquoted '#' starts a comment. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (!quoted && c == '#') {
                break;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
