package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.verify.TrustAnchors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The account settings {@code add} and {@code edit} share. Unset options are null. */
public final class AccountOptions {
    private static final long MAX_PEM_BYTES = 256 * 1024;

    @Option(names = "--provider", paramLabel = "ID")
    String provider;

    @Option(names = "--imap", paramLabel = "HOST:PORT[:tls|starttls]")
    String imap;

    @Option(names = "--smtp", paramLabel = "HOST:PORT[:tls|starttls]")
    String smtp;

    @Option(names = "--login", paramLabel = "NAME")
    String login;

    @Option(names = "--smtp-login", paramLabel = "NAME")
    String smtpLogin;

    @Option(names = "--separate-smtp-password")
    boolean separateSmtpPassword;

    @Option(names = "--ca-cert", paramLabel = "PEM")
    Path caCert;

    @Option(names = "--policy", paramLabel = "6m")
    String policy;

    @Option(names = "--name", paramLabel = "DISPLAY")
    String name;

    boolean anySet() {
        return provider != null
                || imap != null
                || smtp != null
                || login != null
                || smtpLogin != null
                || separateSmtpPassword
                || caCert != null
                || policy != null
                || name != null;
    }

    /**
     * The PEM text of {@code --ca-cert}, or null when not given; a file that is no PEM certificate,
     * or whose certificate does not parse as X.509, is refused: stored, it would fail every check.
     */
    String caCertPem(Texts texts) {
        if (caCert == null) {
            return null;
        }
        try {
            if (!Files.isRegularFile(caCert) || Files.size(caCert) > MAX_PEM_BYTES) {
                throw new UsageError(texts.get("err.caCertFile", caCert));
            }
            String pem = Files.readString(caCert, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new UsageError(texts.get("err.caCertPem", caCert));
            }
            try {
                TrustAnchors.withCa(pem);
            } catch (BadInputException e) {
                throw new UsageError(texts.get("err.caCertX509", caCert));
            }
            return pem;
        } catch (IOException e) {
            throw new UsageError(texts.get("err.caCertFile", caCert));
        }
    }
}
