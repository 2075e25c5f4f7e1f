package dev.mailvault.core.testing;

/** Byte searches for tests that prove a value is absent from a heap dump or a file. */
public final class Bytes {
    private Bytes() {}

    /**
     * Where {@code needle} first stands in {@code haystack}, or -1. An empty needle is refused: it
     * stands everywhere, so a search for it proves nothing.
     */
    public static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("an empty needle stands everywhere");
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
