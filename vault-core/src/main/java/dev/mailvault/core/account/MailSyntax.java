package dev.mailvault.core.account;

/**
 * The syntax of host names and of an address's name part, checked character by character. Regular
 * expressions said the same, but every account read from the vault is checked again, and their
 * matchers took ~75 ms of CPU and 23 MB of allocation in a list of 10,000 accounts, mostly before
 * the JIT had compiled them. {@code MailSyntaxPropertyTest} holds these checks to the expressions
 * they replace.
 */
final class MailSyntax {
    private static final String NAME_SYMBOLS = "!#$%&'*+/=?^_`{|}~.-";

    private MailSyntax() {}

    /**
     * A host name: 1 to 253 characters, labels separated by dots, with an optional final dot. A
     * dotted IPv4 address is one too (its numbers are labels).
     */
    static boolean isHostName(String host) {
        int n = host.length();
        if (n < 1 || n > 253) {
            return false;
        }
        int end = host.charAt(n - 1) == '.' ? n - 1 : n;
        int start = 0;
        while (true) {
            int dot = host.indexOf('.', start);
            if (dot < 0 || dot >= end) {
                return isLabel(host, start, end);
            }
            if (!isLabel(host, start, dot)) {
                return false;
            }
            start = dot + 1;
        }
    }

    /**
     * Whether {@code text[from, to)} is a DNS label: 1 to 63 ASCII letters, digits and hyphens, the
     * first and the last not a hyphen.
     */
    static boolean isLabel(String text, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 63 || !isLetterOrDigit(text.charAt(from)) || !isLetterOrDigit(text.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters an address's name part may have: 1 to 64 ASCII letters, digits and the symbols
     * RFC 5322 allows unquoted (where the dots go is checked apart).
     */
    static boolean isNameCharacters(String name) {
        int n = name.length();
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && NAME_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
