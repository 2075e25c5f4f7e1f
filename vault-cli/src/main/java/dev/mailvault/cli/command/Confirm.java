package dev.mailvault.cli.command;

import dev.mailvault.cli.input.Terminal;
import java.util.Locale;
import java.util.Set;

/** A yes-or-no question at the terminal; anything but a yes is a no. */
final class Confirm {
    private static final Set<String> YES = Set.of("y", "yes", "はい");

    private Confirm() {}

    static boolean ask(Terminal terminal, String prompt) {
        String answer = terminal.readLine(prompt);
        return answer != null && YES.contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
