package dev.mailvault.cli.input;

/**
 * The person at the keyboard, when there is one. Secrets are read without echo; without a terminal
 * commands read secrets one per line from standard input instead.
 */
public interface Terminal {
    /** Whether a person can be asked (a terminal is attached). */
    boolean interactive();

    /** Shows {@code prompt} and reads a line without echo; null at end of input. The caller wipes it. */
    char[] readSecret(String prompt);

    /** Shows {@code prompt} and reads a line with echo (for confirmations); null at end of input. */
    String readLine(String prompt);

    /** Whether standard error is a terminal, so a progress line drawn with {@code \r} is seen, not logged. */
    default boolean errorIsTerminal() {
        return false;
    }

    /** No terminal: scripts, pipes, tests. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] readSecret(String prompt) {
            throw new IllegalStateException("no terminal");
        }

        @Override
        public String readLine(String prompt) {
            throw new IllegalStateException("no terminal");
        }
    };
}
