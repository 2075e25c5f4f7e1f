import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Build step (run by Maven as a single-file program): turns each {@code NAME*.properties} message
 * bundle in a folder into a {@code java.util.ListResourceBundle} source of the same name.
 *
 * <p>Why: a properties bundle is parsed character by character on every start, in the
 * interpreter (about 40 ms of the command's start for 422 keys); a class of constants loads in
 * about one, from the class-data-sharing archive. The properties files stay the one source; they
 * are read with {@link Properties#load(Reader)} in UTF-8, as {@code PropertyResourceBundle} reads
 * them, so the texts are the same.
 *
 * <p>Arguments: {@code PACKAGE BASE_NAME SOURCE_FOLDER OUTPUT_FOLDER}.
 */
public final class BundleClasses {
    private BundleClasses() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BundleClasses PACKAGE BASE_NAME SOURCE_FOLDER OUTPUT_FOLDER");
        }
        String pkg = args[0];
        String base = args[1];
        Path source = Path.of(args[2]);
        Path output = Path.of(args[3]);
        Files.createDirectories(output);
        int written = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source, base + "*.properties")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".properties", "");
                Properties texts = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    texts.load(in);
                }
                try (Writer out = Files.newBufferedWriter(output.resolve(name + ".java"), StandardCharsets.UTF_8)) {
                    out.write(classSource(pkg, name, file.getFileName().toString(), texts));
                }
                written++;
            }
        }
        if (written == 0) {
            throw new IOException("no " + base + "*.properties in " + source);
        }
    }

    private static String classSource(String pkg, String name, String from, Properties texts) {
        StringBuilder s = new StringBuilder();
        s.append("// Made at build time from ").append(from).append(" by src/build/java/BundleClasses.java.\n");
        s.append("package ").append(pkg).append(";\n\n");
        s.append("public final class ").append(name).append(" extends java.util.ListResourceBundle {\n");
        s.append("    @Override\n");
        s.append("    protected Object[][] getContents() {\n");
        s.append("        return new Object[][] {\n");
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            s.append("            {").append(literal(key)).append(", ").append(literal(texts.getProperty(key)));
            s.append("},\n");
        }
        s.append("        };\n");
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    /**
     * A Java string literal in ASCII. Control characters, quotes and backslashes get their own
     * escapes (never backslash-u, which the compiler would turn back into a line end or a quote
     * before it reads the string); everything else outside ASCII is written as backslash-u.
     */
    static String literal(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\%03o", (int) c));
                    } else if (c < 0x7f) {
                        s.append(c);
                    } else {
                        s.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
