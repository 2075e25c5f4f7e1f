package dev.mailvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

/** Text a hostile server sends to take over a terminal, and the check that none of it got through. */
final class HostileText {
    /** Clears the screen, retitles the window, rings, moves to the line start, reverses the text after it. */
    static final String TRAP = "A\u001b[2JB\u001b]0;pwned\u0007C\rD\u0000E\u202eF\u2066G\u200fH\u009b31mI";

    private HostileText() {}

    /** The characters no shown text may carry: they would move, hide or reorder what the terminal shows. */
    static void assertPrintable(String text) {
        assertThat(text.codePoints())
                .as("control or format characters in %s", text)
                .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
