package dev.mailvault.core.verify.mail;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyTarget;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import javax.net.SocketFactory;

/**
 * Logs in with Jakarta Mail (Eclipse Angus): IMAP {@code Store.connect} then close (LOGOUT), or
 * SMTP {@code Transport.connect} then close (QUIT); no folder is opened and no mail is sent.
 *
 * <p>TLS always: implicit TLS, or STARTTLS that is required (the password is never sent before TLS
 * is up). A check's TLS context trusts only what its {@code TrustAnchors} say ({@link TlsContexts}:
 * checks with equal anchors take turns with contexts, and so resume each other's TLS sessions), and
 * the host name is always checked. Connect, read and write each time out after {@code timeout}; the
 * whole check is cut off after {@code overallDeadline} by closing its sockets.
 */
public final class JakartaMailLoginChecker implements LoginChecker {
    private final VerifyOptions options;
    private final Watchdog watchdog = new Watchdog("mailvault-verify-watchdog");
    private final CurrentCheckFactories current = new CurrentCheckFactories();
    /**
     * One session for every check of the run: making a Jakarta Mail session reads the providers of
     * every jar on the class path (43 of 228 JFR samples of checking 400 logins). Its socket
     * factories are those of the check on the calling thread. With debug output each check keeps a
     * session of its own, so that its trace goes through its own scrubber.
     */
    private final Session shared;
    /** Checks with equal trust anchors take turns with the same TLS contexts, and so resume sessions. */
    private final TlsContexts contexts = new TlsContexts();

    public JakartaMailLoginChecker(VerifyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Properties props = new Properties();
        for (String service : new String[] {"imap", "imaps", "smtp", "smtps"}) {
            props.putAll(properties(service, current.ssl, current.plain));
        }
        this.shared = options.debugOutput() == null ? Session.getInstance(props) : null;
    }

    @Override
    public CheckResult check(VerifyTarget target, CheckResult.Slot slot, Cancellation cancellation) {
        Instant at = options.clock().instant();
        if (target.rules().oauthOnly()) {
            return result(
                    target,
                    slot,
                    new Verdict(
                            Outcome.SKIPPED,
                            "",
                            "the provider accepts only OAuth sign-in, not passwords, so the password was not tried",
                            ""),
                    0,
                    at);
        }
        if (cancellation.isCancelled()) {
            return result(
                    target, slot, new Verdict(Outcome.SKIPPED, "", "cancelled before the check started", ""), 0, at);
        }
        boolean imap = target.protocol() == Protocol.IMAP;
        Attempt attempt = new Attempt(imap, watchdog, options.timeout());
        TlsContexts.Lease tls;
        try {
            tls = contexts.borrow(target.trust());
        } catch (GeneralSecurityException e) {
            return result(
                    target,
                    slot,
                    new Verdict(Outcome.TLS_ERROR, "", "TLS could not be set up: " + e.getMessage(), ""),
                    0,
                    at);
        }
        try (tls;
                Scrubber scrubber = new Scrubber(target.password(), target.login())) {
            Login login;
            ScheduledFuture<?> deadline =
                    watchdog.schedule(() -> attempt.abort(Attempt.Abort.DEADLINE), options.overallDeadline());
            PrintStream debug = options.debugOutput() == null
                    ? null
                    : new PrintStream(
                            new ScrubbingOutputStream(options.debugOutput(), scrubber), true, StandardCharsets.UTF_8);
            try (Cancellation.Registration registration =
                    cancellation.onCancel(() -> attempt.abort(Attempt.Abort.CANCELLED))) {
                int connectTimeout = (int) options.timeout().toMillis();
                TargetSslSocketFactory sslFactory = new TargetSslSocketFactory(tls.context(), attempt, connectTimeout);
                PlainSocketFactory plainFactory = new PlainSocketFactory(attempt, connectTimeout);
                String service = serviceName(target);
                if (debug != null) {
                    Session session = Session.getInstance(properties(service, sslFactory, plainFactory));
                    session.setDebugOut(debug);
                    session.setDebug(true);
                    login = login(session, service, target);
                } else {
                    try (CurrentCheckFactories.Binding binding = current.bind(sslFactory, plainFactory)) {
                        login = login(shared, service, target);
                    }
                }
            } catch (MessagingException e) {
                // no provider for the protocol: the Angus jar is missing from the class path
                login = new Login(e, 0);
            } finally {
                deadline.cancel(false);
                attempt.closeAll();
                if (debug != null) {
                    debug.flush();
                }
            }
            Endpoint endpoint = target.endpoint();
            Verdict verdict = Classifier.classify(new Evidence(
                    target.protocol(),
                    endpoint.host(),
                    endpoint.port(),
                    options.timeout(),
                    options.overallDeadline(),
                    target.rules(),
                    attempt.transcript.snapshot(),
                    login.error(),
                    login.error() == null ? null : attempt.aborted()));
            Verdict clean = new Verdict(
                    verdict.outcome(),
                    scrubber.scrub(verdict.code()),
                    scrubber.scrub(verdict.message()),
                    scrubber.scrub(verdict.alert()));
            return result(target, slot, clean, login.millis(), at);
        }
    }

    /** The result of the connect call and how long it took (logout not counted). */
    private record Login(Throwable error, long millis) {}

    private static Login login(Session session, String service, VerifyTarget target) throws MessagingException {
        return target.protocol() == Protocol.IMAP
                ? login(session.getStore(service), target)
                : login(session.getTransport(service), target);
    }

    private static Login login(Service service, VerifyTarget target) {
        Endpoint endpoint = target.endpoint();
        // latency is a duration, not a point in time: the monotonic clock is the right one
        long start = System.nanoTime();
        try {
            service.connect(
                    endpoint.host(),
                    endpoint.port(),
                    target.login(),
                    target.password().revealForLegacyApi());
        } catch (MessagingException | RuntimeException e) {
            return new Login(e, elapsedMillis(start));
        }
        long millis = elapsedMillis(start);
        try {
            service.close();
        } catch (MessagingException | RuntimeException e) {
            // the login itself worked; a failed LOGOUT or QUIT does not change that
        }
        return new Login(null, millis);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String serviceName(VerifyTarget target) {
        boolean tls = target.endpoint().security() == Security.TLS;
        return switch (target.protocol()) {
            case IMAP -> tls ? "imaps" : "imap";
            case SMTP -> tls ? "smtps" : "smtp";
        };
    }

    /** The session properties of one service ({@code imap}, {@code imaps}, {@code smtp}, {@code smtps}). */
    Properties properties(String service, SocketFactory sslFactory, SocketFactory plainFactory) {
        boolean tls = service.endsWith("s");
        String p = "mail." + service;
        String timeout = String.valueOf(options.timeout().toMillis());
        Properties props = new Properties();
        props.put(p + ".connectiontimeout", timeout);
        props.put(p + ".timeout", timeout);
        // no ".writetimeout": Jakarta Mail would wrap the connection in a socket that refuses every
        // socket option, and QuickAckInputStream needs TCP_QUICKACK; the check's own sockets bound
        // each write instead (Attempt.boundWrites)
        props.put(p + ".ssl.socketFactory", sslFactory);
        props.put(p + ".socketFactory", plainFactory);
        // never retry with a default factory: that would trust the JDK's CAs instead of the pin
        props.put(p + ".socketFactory.fallback", "false");
        props.put(p + ".ssl.enable", String.valueOf(tls));
        props.put(p + ".ssl.checkserveridentity", "true");
        props.put(p + ".ssl.protocols", "TLSv1.3 TLSv1.2");
        if (!tls) {
            props.put(p + ".starttls.enable", "true");
            props.put(p + ".starttls.required", "true");
        }
        props.put(p + ".auth.mechanisms", "PLAIN LOGIN");
        props.put(p + ".sasl.enable", "false");
        props.put("mail.debug.auth", "false");
        props.put("mail.debug.auth.password", "false");
        if (service.startsWith("smtp")) {
            props.put(p + ".auth", "true");
            // avoids a reverse DNS lookup of this machine for EHLO
            props.put(p + ".localhost", "localhost");
        }
        return props;
    }

    private static CheckResult result(
            VerifyTarget target, CheckResult.Slot slot, Verdict verdict, long millis, Instant at) {
        return new CheckResult(
                target.protocol(),
                slot,
                verdict.outcome(),
                target.endpoint().host(),
                target.endpoint().port(),
                verdict.code(),
                verdict.message(),
                verdict.alert(),
                millis,
                at);
    }

    /** Stops the watchdog thread. Checks still running lose their overall deadline. */
    @Override
    public void close() {
        watchdog.close();
    }
}
