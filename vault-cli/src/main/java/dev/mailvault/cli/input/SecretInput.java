package dev.mailvault.cli.input;

import dev.mailvault.cli.CliContext;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.crypto.Secret;
import java.util.Optional;

/**
 * Reads an account's secrets: at a terminal without echo and twice (the two must match); without a
 * terminal one per line from standard input, in the order the command documents.
 */
public final class SecretInput {
    private final CliContext context;
    private final Texts texts;

    public SecretInput(CliContext context, Texts texts) {
        this.context = context;
        this.texts = texts;
    }

    /** {@code what} names the secret in prompts and errors, e.g. "IMAP password for taro@example.jp". */
    public Secret read(String what) {
        if (!context.terminal().interactive()) {
            char[] line = context.stdin().readLine();
            if (line == null) {
                throw new UsageError(texts.get("err.inputEnded", what));
            }
            return nonEmpty(Secret.adopt(line), what);
        }
        Secret first = ask(texts.get("prompt.secret", what), what);
        try (Secret second = ask(texts.get("prompt.again"), what)) {
            if (!first.sameValueAs(second)) {
                first.close();
                throw new UsageError(texts.get("err.entriesDiffer"));
            }
        }
        return first;
    }

    /**
     * Like {@link #read}, but an empty entry (Enter alone at the terminal, an empty line otherwise)
     * means "none" and gives an empty result instead of an error; at the terminal an empty first
     * entry is not asked again.
     */
    public Optional<Secret> readOptional(String what) {
        if (!context.terminal().interactive()) {
            char[] line = context.stdin().readLine();
            if (line == null) {
                throw new UsageError(texts.get("err.inputEnded", what));
            }
            return present(Secret.adopt(line));
        }
        char[] typed = context.terminal().readSecret(texts.get("prompt.secretOrSkip", what));
        if (typed == null) {
            throw new UsageError(texts.get("err.inputEnded", what));
        }
        Optional<Secret> first = present(Secret.adopt(typed));
        if (first.isPresent()) {
            try (Secret second = ask(texts.get("prompt.again"), what)) {
                if (!first.get().sameValueAs(second)) {
                    first.get().close();
                    throw new UsageError(texts.get("err.entriesDiffer"));
                }
            }
        }
        return first;
    }

    private static Optional<Secret> present(Secret secret) {
        if (secret.isEmpty()) {
            secret.close();
            return Optional.empty();
        }
        return Optional.of(secret);
    }

    private Secret ask(String prompt, String what) {
        char[] typed = context.terminal().readSecret(prompt);
        if (typed == null) {
            throw new UsageError(texts.get("err.inputEnded", what));
        }
        return nonEmpty(Secret.adopt(typed), what);
    }

    private Secret nonEmpty(Secret secret, String what) {
        if (secret.isEmpty()) {
            secret.close();
            throw new UsageError(texts.get("err.emptySecret", what));
        }
        return secret;
    }
}
