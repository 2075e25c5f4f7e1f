package dev.mailvault.core;

/**
 * Text from outside, made safe to show in a terminal or a window: what a server or its certificate
 * says, and names from an imported file or an older vault. The one rule for all of it:
 * control characters (C0, DEL and C1, which start the escape sequences that clear, repaint or retitle
 * a terminal), line and paragraph separators, and format characters (the bidi overrides and isolates
 * that reorder the text after them, zero-width characters) each become a space. All other text,
 * Japanese included, is kept as sent.
 */
public final class PrintableText {
    private PrintableText() {}

    /** {@code text} with every character that could move, hide or reorder output made a space. */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(PrintableText::hidden)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (hidden(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean hidden(int c) {
        return Character.isISOControl(c)
                || switch (Character.getType(c)) {
                    case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                    default -> false;
                };
    }
}
