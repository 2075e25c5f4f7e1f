package dev.mailvault.bench;

/** The floor every Java command pays: a JVM that starts, prints one line and exits. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
