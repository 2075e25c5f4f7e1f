package dev.mailvault.core.verify.mail;

import dev.mailvault.core.PrintableText;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.verify.CertificateFetchException;
import dev.mailvault.core.verify.CertificateFetcher;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ServerCertificate;
import dev.mailvault.core.verify.VerifyOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@link CertificateFetcher} over a plain socket: STARTTLS by hand ({@code a STARTTLS} for IMAP,
 * {@code EHLO} then {@code STARTTLS} for SMTP), then a TLS handshake whose trust manager only
 * records the chain and refuses it, which ends the handshake before anything else is said.
 */
public final class TlsCertificateFetcher implements CertificateFetcher {
    private final VerifyOptions options;
    private final Watchdog watchdog = new Watchdog("mailvault-pin-watchdog");

    public TlsCertificateFetcher(VerifyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public ServerCertificate fetch(Protocol protocol, Endpoint endpoint) {
        boolean imap = protocol == Protocol.IMAP;
        Attempt attempt = new Attempt(imap, watchdog, options.timeout());
        RecordingTrustManager recorder = new RecordingTrustManager();
        ScheduledFuture<?> deadline =
                watchdog.schedule(() -> attempt.abort(Attempt.Abort.DEADLINE), options.overallDeadline());
        Throwable error;
        try {
            handshake(protocol, endpoint, attempt, recorder);
            error = new IOException("the server completed a handshake that should have been stopped");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            error = e;
        } finally {
            deadline.cancel(false);
            attempt.closeAll();
        }
        List<byte[]> chain = recorder.chain();
        if (!chain.isEmpty()) {
            return ServerCertificate.of(chain);
        }
        Verdict verdict = Classifier.classify(new Evidence(
                protocol,
                endpoint.host(),
                endpoint.port(),
                options.timeout(),
                options.overallDeadline(),
                null,
                attempt.transcript.snapshot(),
                error,
                attempt.aborted()));
        String detail = verdict.message().isEmpty() ? "" : ": " + PrintableText.of(verdict.message());
        throw new CertificateFetchException(
                verdict.outcome(),
                "could not fetch the certificate of " + endpoint + " (" + verdict.outcome() + ")" + detail,
                verdict.message());
    }

    private void handshake(Protocol protocol, Endpoint endpoint, Attempt attempt, RecordingTrustManager recorder)
            throws IOException, GeneralSecurityException {
        int timeout = (int) options.timeout().toMillis();
        Socket plain = new Socket();
        attempt.track(plain);
        plain.setSoTimeout(timeout);
        plain.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeout);
        if (endpoint.security() == Security.STARTTLS) {
            InputStream in = new GuardedInputStream(plain.getInputStream(), attempt.transcript, attempt.imap);
            OutputStream out = new CommandSpyOutputStream(
                    attempt.boundWrites(plain.getOutputStream()), attempt.transcript, attempt.imap);
            if (protocol == Protocol.IMAP) {
                startTlsImap(in, out);
            } else {
                startTlsSmtp(in, out);
            }
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, null);
        SSLSocket ssl =
                (SSLSocket) context.getSocketFactory().createSocket(plain, endpoint.host(), endpoint.port(), true);
        attempt.track(ssl);
        TargetSslSocketFactory.configure(ssl);
        ssl.startHandshake();
    }

    private static void startTlsImap(InputStream in, OutputStream out) throws IOException {
        String greeting = readLine(in);
        if (!greeting.regionMatches(true, 0, "* OK", 0, 4)) {
            throw new IOException("unexpected IMAP greeting");
        }
        send(out, "a STARTTLS");
        String line;
        do {
            line = readLine(in);
        } while (line.startsWith("* "));
        if (!line.regionMatches(true, 0, "a OK", 0, 4)) {
            throw new IOException("STARTTLS refused");
        }
    }

    private static void startTlsSmtp(InputStream in, OutputStream out) throws IOException {
        if (readReply(in) != 220) {
            throw new IOException("unexpected SMTP greeting");
        }
        send(out, "EHLO localhost");
        if (readReply(in) != 250) {
            throw new IOException("EHLO refused");
        }
        send(out, "STARTTLS");
        if (readReply(in) != 220) {
            throw new IOException("STARTTLS refused");
        }
    }

    private static int readReply(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        try {
            return Integer.parseInt(line.substring(0, Math.min(3, line.length())));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line; {@link GuardedInputStream} bounds its length. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1) {
            throw new java.io.EOFException("the server closed the connection");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /**
     * Records the server's chain and refuses it. It never accepts anything, so nothing is ever
     * trusted through it; the refusal is what stops the handshake.
     */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final List<byte[]> chain = new ArrayList<>();

        synchronized List<byte[]> chain() {
            return new ArrayList<>(chain);
        }

        private synchronized void record(X509Certificate[] certificates) throws CertificateException {
            chain.clear();
            try {
                for (X509Certificate c : certificates) {
                    chain.add(c.getEncoded());
                }
            } catch (CertificateEncodingException e) {
                chain.clear();
                throw e;
            }
            throw new CertificateException("certificate recorded; the handshake is stopped on purpose");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
