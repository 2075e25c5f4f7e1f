package dev.mailvault.core.doctor;

import dev.mailvault.core.crypto.Secret;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * Looks at a stored value for the usual reasons a correct password is refused, without turning it
 * into a String: only {@link Secret#anyChar}, {@link Secret#length} and a wiped copy of the
 * characters for the first and last one.
 */
final class SecretInspection {
    enum Issue {
        EMPTY,
        SPACE_AT_ENDS,
        FULL_WIDTH,
        INVISIBLE
    }

    private SecretInspection() {}

    /**
     * The characters NFKC changes when they stand alone (full-width forms, U+3000, half-width
     * katakana, ligatures, circled digits, ...), computed once from the JDK's own normalizer by
     * walking the code points: no character of any secret is ever normalized into a String.
     */
    private static final class Compatibility {
        static final BitSet CHANGED_BY_NFKC = compute();

        private static BitSet compute() {
            BitSet set = new BitSet(0x10000);
            for (char c = 1; c < 0xFFFF; c++) {
                if (Character.isSurrogate(c)) {
                    continue;
                }
                String one = String.valueOf(c);
                if (!one.equals(Normalizer.normalize(one, Normalizer.Form.NFKC))) {
                    set.set(c);
                }
            }
            return set;
        }
    }

    static Set<Issue> inspect(Secret value) {
        EnumSet<Issue> issues = EnumSet.noneOf(Issue.class);
        if (value.isEmpty()) {
            issues.add(Issue.EMPTY);
            return issues;
        }
        char[] chars = value.revealChars();
        try {
            if (isSpace(chars[0]) || isSpace(chars[chars.length - 1])) {
                issues.add(Issue.SPACE_AT_ENDS);
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
        if (value.anyChar(SecretInspection::isInvisible)) {
            issues.add(Issue.INVISIBLE);
        }
        if (value.anyChar(SecretInspection::isFullWidthOrCompatibility)) {
            issues.add(Issue.FULL_WIDTH);
        }
        return issues;
    }

    /** Spaces and line breaks of any kind, including U+3000 and the no-break space. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Control and format characters (zero-width space, BOM, tab, ...) and spaces other than U+0020 and U+3000. */
    static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> c != ' ' && c != '\u3000';
            default -> c == '\u3164' || c == '\u115F' || c == '\u1160' || c == '\u2800';
        };
    }

    /** Characters NFKC would change: full-width ASCII, U+3000, half-width katakana and the like. */
    static boolean isFullWidthOrCompatibility(int c) {
        return !isInvisible(c) && Compatibility.CHANGED_BY_NFKC.get(c);
    }
}
