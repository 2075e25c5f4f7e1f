package dev.mailvault.cli;

import dev.mailvault.cli.input.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A terminal with a person who types the given answers in order; it records every prompt. Tests
 * use it for the paths only a terminal reaches (asking twice, confirming, asking again).
 */
final class ScriptedTerminal implements Terminal {
    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    final List<Boolean> echoed = new ArrayList<>();

    ScriptedTerminal(String... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public char[] readSecret(String prompt) {
        prompts.add(prompt);
        echoed.add(false);
        String next = answers.poll();
        return next == null ? null : next.toCharArray();
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        echoed.add(true);
        return answers.poll();
    }

    boolean allAnswered() {
        return answers.isEmpty();
    }
}
