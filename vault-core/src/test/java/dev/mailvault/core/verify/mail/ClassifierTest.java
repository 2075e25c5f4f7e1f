package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ProviderRules;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The classifier")
class ClassifierTest {
    private static final String IMAP_GREETING = "* OK [CAPABILITY IMAP4rev1] ready";

    /** One row of the table: what happened, and the outcome and code it must give. */
    record Case(String name, Evidence evidence, Outcome outcome, String code) {
        @Override
        public String toString() {
            return name + " -> " + outcome;
        }
    }

    private static Transcript.Event server(String line) {
        return new Transcript.ServerLine(line);
    }

    private static Transcript.Event client(String verb) {
        return new Transcript.ClientCommand(verb);
    }

    private static Evidence imap(Throwable error, Transcript.Event... events) {
        return evidence(Protocol.IMAP, ProviderRules.NONE, error, null, events);
    }

    private static Evidence smtp(Throwable error, Transcript.Event... events) {
        return evidence(Protocol.SMTP, ProviderRules.NONE, error, null, events);
    }

    private static Evidence evidence(
            Protocol protocol, ProviderRules rules, Throwable error, Attempt.Abort abort, Transcript.Event... events) {
        return new Evidence(
                protocol,
                "mail.example.jp",
                993,
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                rules,
                Transcript.Snapshot.of(events),
                error,
                abort);
    }

    /** An IMAP exchange: greeting, LOGIN, then {@code answer}. */
    private static Evidence imapLogin(String... answer) {
        List<Transcript.Event> events = new ArrayList<>(List.of(server(IMAP_GREETING), client("LOGIN")));
        for (String line : answer) {
            events.add(server(line));
        }
        return imap(new AuthenticationFailedException("refused"), events.toArray(new Transcript.Event[0]));
    }

    /** An SMTP exchange: greeting, EHLO, AUTH, then {@code answer}. */
    private static Evidence smtpAuth(String... answer) {
        List<Transcript.Event> events = new ArrayList<>(List.of(
                server("220 smtp.example.jp ESMTP"),
                client("EHLO"),
                server("250-smtp.example.jp"),
                server("250 AUTH PLAIN LOGIN"),
                client("AUTH")));
        for (String line : answer) {
            events.add(server(line));
        }
        return smtp(
                new AuthenticationFailedException(String.join("\n", answer)), events.toArray(new Transcript.Event[0]));
    }

    private static Exception handshake(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(String.valueOf(cause.getMessage()));
        e.initCause(cause);
        return e;
    }

    private static MailConnectException connectFailure(Exception cause) {
        return new MailConnectException(new SocketConnectException(null, cause, "mail.example.jp", 993, 10000));
    }

    static List<Case> table() {
        return List.of(
                new Case("IMAP tagged OK", imapOk(), Outcome.OK, ""),
                new Case("SMTP 235", smtpOk(), Outcome.OK, "235 2.7.0"),
                new Case(
                        "IMAP [AUTHENTICATIONFAILED]",
                        imapLogin("A1 NO [AUTHENTICATIONFAILED] Invalid credentials"),
                        Outcome.AUTH_FAILED,
                        "AUTHENTICATIONFAILED"),
                new Case("IMAP plain NO", imapLogin("A1 NO LOGIN failed."), Outcome.AUTH_FAILED, ""),
                new Case(
                        "SMTP 535 5.7.8",
                        smtpAuth("535 5.7.8 Authentication credentials invalid"),
                        Outcome.AUTH_FAILED,
                        "535 5.7.8"),
                new Case(
                        "Gmail IMAP app password",
                        imapLogin(
                                "A1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"),
                        Outcome.APP_PASSWORD_REQUIRED,
                        ""),
                new Case(
                        "SMTP 534 5.7.9",
                        smtpAuth(
                                "534-5.7.9 Application-specific password required. Learn more at",
                                "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor"),
                        Outcome.APP_PASSWORD_REQUIRED,
                        "534 5.7.9"),
                new Case(
                        "provider: any refusal means app password",
                        evidence(
                                Protocol.IMAP,
                                new ProviderRules(List.of(), true, false),
                                new AuthenticationFailedException("x"),
                                null,
                                server(IMAP_GREETING),
                                client("LOGIN"),
                                server("A1 NO [AUTHENTICATIONFAILED] no")),
                        Outcome.APP_PASSWORD_REQUIRED,
                        "AUTHENTICATIONFAILED"),
                new Case(
                        "SMTP 550 5.7.30",
                        smtpAuth("550 5.7.30 Basic authentication is not supported for Client Submission."),
                        Outcome.OAUTH_REQUIRED,
                        "550 5.7.30"),
                new Case(
                        "SMTP 535 5.7.139",
                        smtpAuth("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."),
                        Outcome.OAUTH_REQUIRED,
                        "535 5.7.139"),
                new Case(
                        "SMTP offers only XOAUTH2",
                        smtp(
                                new AuthenticationFailedException(
                                        "No authentication mechanisms supported by both server and client"),
                                server("220 smtp.office365.com"),
                                client("EHLO"),
                                server("250-smtp.office365.com"),
                                server("250 AUTH XOAUTH2")),
                        Outcome.OAUTH_REQUIRED,
                        ""),
                new Case(
                        "IMAP [EXPIRED]",
                        imapLogin("A1 NO [EXPIRED] That password has expired"),
                        Outcome.PASSWORD_EXPIRED,
                        "EXPIRED"),
                new Case(
                        "SMTP 432 4.7.12",
                        smtpAuth("432 4.7.12 A password transition is needed"),
                        Outcome.PASSWORD_EXPIRED,
                        "432 4.7.12"),
                new Case(
                        "IMAP [CONTACTADMIN]",
                        imapLogin("A1 NO [CONTACTADMIN] Account suspended"),
                        Outcome.ACCOUNT_LOCKED,
                        "CONTACTADMIN"),
                new Case(
                        "Gmail web login",
                        imapLogin(
                                "A1 NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)"),
                        Outcome.ACCOUNT_LOCKED,
                        ""),
                new Case(
                        "provider lock text",
                        evidence(
                                Protocol.IMAP,
                                new ProviderRules(
                                        List.of(new ProviderRules.TextRule(
                                                Pattern.compile("ご利用を停止"), Outcome.ACCOUNT_LOCKED)),
                                        false,
                                        false),
                                new AuthenticationFailedException("x"),
                                null,
                                server(IMAP_GREETING),
                                client("LOGIN"),
                                server("A1 NO メールのご利用を停止しています")),
                        Outcome.ACCOUNT_LOCKED,
                        ""),
                new Case(
                        "IMAP [LIMIT]", imapLogin("A1 NO [LIMIT] Too many connections"), Outcome.RATE_LIMITED, "LIMIT"),
                new Case("BYE during authentication", imapLogin("* BYE Goodbye"), Outcome.RATE_LIMITED, ""),
                new Case(
                        "SMTP 421 too many",
                        smtpAuth("421 4.7.0 Too many login attempts"),
                        Outcome.RATE_LIMITED,
                        "421 4.7.0"),
                new Case(
                        "IMAP BYE greeting",
                        imap(new MessagingException("BYE"), server("* BYE Server shutting down")),
                        Outcome.SERVER_UNAVAILABLE,
                        ""),
                new Case(
                        "IMAP [UNAVAILABLE]",
                        imapLogin("A1 NO [UNAVAILABLE] Backend down"),
                        Outcome.SERVER_UNAVAILABLE,
                        "UNAVAILABLE"),
                new Case(
                        "SMTP 421 greeting",
                        smtp(
                                new MessagingException("Could not connect to SMTP host"),
                                server("421 4.3.2 Service not available")),
                        Outcome.SERVER_UNAVAILABLE,
                        "421 4.3.2"),
                new Case(
                        "SMTP 454 4.7.0 to AUTH",
                        smtpAuth("454 4.7.0 Temporary authentication failure"),
                        Outcome.SERVER_UNAVAILABLE,
                        "454 4.7.0"),
                new Case(
                        "connection closed by the server",
                        imap(
                                new MessagingException("x", new EOFException("Connection dropped by server?")),
                                server(IMAP_GREETING)),
                        Outcome.SERVER_UNAVAILABLE,
                        ""),
                new Case(
                        "STARTTLS not offered",
                        smtp(
                                new MessagingException("STARTTLS is required but host does not support STARTTLS"),
                                server("220 hi"),
                                client("EHLO"),
                                server("250 AUTH PLAIN")),
                        Outcome.TLS_REQUIRED,
                        ""),
                new Case(
                        "IMAP STARTTLS refused",
                        imap(
                                new AuthenticationFailedException("no"),
                                server("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi"),
                                client("STARTTLS"),
                                server("A1 NO not now")),
                        Outcome.TLS_REQUIRED,
                        ""),
                new Case(
                        "IMAP LOGINDISABLED",
                        imap(
                                new MessagingException("No login methods supported!"),
                                server("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi")),
                        Outcome.TLS_REQUIRED,
                        ""),
                new Case(
                        "IMAP [PRIVACYREQUIRED]",
                        imapLogin("A1 NO [PRIVACYREQUIRED] Use TLS"),
                        Outcome.TLS_REQUIRED,
                        "PRIVACYREQUIRED"),
                new Case("SMTP 538", smtpAuth("538 5.7.11 Encryption required"), Outcome.TLS_REQUIRED, "538 5.7.11"),
                new Case(
                        "untrusted certificate",
                        imap(new MessagingException(
                                "x",
                                handshake(
                                        new TlsTrustException(TlsTrustException.Kind.UNTRUSTED, "not trusted", null)))),
                        Outcome.TLS_CERT_INVALID,
                        ""),
                new Case(
                        "pinned certificate changed",
                        imap(new MessagingException(
                                "x",
                                handshake(
                                        new TlsTrustException(TlsTrustException.Kind.PIN_MISMATCH, "changed", null)))),
                        Outcome.TLS_CERT_INVALID,
                        ""),
                new Case(
                        "expired certificate (JDK exception)",
                        imap(new MessagingException("x", handshake(new CertificateExpiredException("NotAfter: 2020")))),
                        Outcome.TLS_CERT_INVALID,
                        ""),
                new Case(
                        "certificate for another host",
                        imap(new MessagingException(
                                "x",
                                handshake(new TlsTrustException(
                                        TlsTrustException.Kind.HOSTNAME_MISMATCH, "for other.example", null)))),
                        Outcome.TLS_HOSTNAME_MISMATCH,
                        ""),
                new Case(
                        "other handshake failure",
                        imap(new MessagingException(
                                "x", new SSLHandshakeException("Received fatal alert: handshake_failure"))),
                        Outcome.TLS_ERROR,
                        ""),
                new Case(
                        "unknown host",
                        imap(connectFailure(new UnknownHostException("mail.example.invalid"))),
                        Outcome.DNS_FAILURE,
                        ""),
                new Case(
                        "refused",
                        imap(connectFailure(new ConnectException("Connection refused"))),
                        Outcome.CONNECT_REFUSED,
                        ""),
                new Case(
                        "timeout while connecting",
                        imap(connectFailure(new SocketTimeoutException("Connect timed out"))),
                        Outcome.CONNECT_TIMEOUT,
                        ""),
                new Case(
                        "timeout while reading the greeting",
                        imap(new MessagingException("Read timed out", new SocketTimeoutException("Read timed out"))),
                        Outcome.READ_TIMEOUT,
                        ""),
                new Case(
                        "timeout inside a command (made-up BYE)",
                        imap(
                                new MessagingException(
                                        "x",
                                        new ConnectionException(
                                                null,
                                                Response.byeResponse(new SocketTimeoutException("Read timed out")))),
                                server(IMAP_GREETING),
                                client("LOGIN")),
                        Outcome.READ_TIMEOUT,
                        ""),
                new Case(
                        "overall deadline",
                        evidence(
                                Protocol.IMAP,
                                ProviderRules.NONE,
                                new MessagingException("Socket closed"),
                                Attempt.Abort.DEADLINE,
                                server("* OK slo")),
                        Outcome.READ_TIMEOUT,
                        ""),
                new Case(
                        "a write that did not finish",
                        evidence(
                                Protocol.SMTP,
                                ProviderRules.NONE,
                                new MessagingException("Socket closed"),
                                Attempt.Abort.WRITE_TIMEOUT,
                                server("220 smtp.example.jp ESMTP")),
                        Outcome.READ_TIMEOUT,
                        ""),
                new Case("IMAP BAD", imapLogin("A1 BAD Invalid command"), Outcome.PROTOCOL_ERROR, ""),
                // SMTP's BAD: the server did not understand AUTH, so it judged no password
                new Case(
                        "SMTP 500 to AUTH",
                        smtpAuth("500 5.5.1 Command unrecognized"),
                        Outcome.PROTOCOL_ERROR,
                        "500 5.5.1"),
                new Case(
                        "SMTP 501 to AUTH",
                        smtpAuth("501 5.5.2 Cannot decode response"),
                        Outcome.PROTOCOL_ERROR,
                        "501 5.5.2"),
                new Case(
                        "SMTP 504 to AUTH",
                        smtpAuth("504 5.5.4 Unrecognized authentication type"),
                        Outcome.PROTOCOL_ERROR,
                        "504 5.5.4"),
                new Case(
                        "not IMAP at all",
                        imap(new MessagingException("x"), server("220 smtp.example.jp ESMTP")),
                        Outcome.PROTOCOL_ERROR,
                        ""),
                new Case(
                        "not SMTP at all",
                        smtp(new MessagingException("x"), server("* OK IMAP4rev1 ready")),
                        Outcome.PROTOCOL_ERROR,
                        ""),
                new Case(
                        "a limit broken by the server",
                        new Evidence(
                                Protocol.IMAP,
                                "h",
                                1,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(2),
                                null,
                                new Transcript.Snapshot(List.of(), false, "the server sent a line longer than 64 KiB"),
                                new MessagingException("x"),
                                null),
                        Outcome.PROTOCOL_ERROR,
                        ""),
                new Case(
                        "a parser crash in Jakarta Mail",
                        imap(new ArrayIndexOutOfBoundsException(3), server(IMAP_GREETING)),
                        Outcome.PROTOCOL_ERROR,
                        ""),
                new Case(
                        "logged in without a password (PREAUTH)",
                        imap(null, server("* PREAUTH welcome")),
                        Outcome.PROTOCOL_ERROR,
                        ""),
                new Case(
                        "cancelled",
                        evidence(
                                Protocol.SMTP,
                                ProviderRules.NONE,
                                new MessagingException("closed"),
                                Attempt.Abort.CANCELLED),
                        Outcome.SKIPPED,
                        ""));
    }

    private static Evidence imapOk() {
        return imap(
                null,
                server(IMAP_GREETING),
                client("LOGIN"),
                server("A1 OK LOGIN completed"),
                client("LOGOUT"),
                server("* BYE"),
                server("A2 OK"));
    }

    private static Evidence smtpOk() {
        return smtp(
                null,
                server("220 hi"),
                client("EHLO"),
                server("250 AUTH PLAIN"),
                client("AUTH"),
                server("235 2.7.0 Accepted"),
                client("QUIT"),
                server("221 bye"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("maps each kind of evidence to its outcome and code")
    void classifies(Case c) {
        Verdict v = Classifier.classify(c.evidence());

        assertThat(v.outcome()).as(v.message()).isEqualTo(c.outcome());
        assertThat(v.code()).isEqualTo(c.code());
    }

    @Test
    @DisplayName("the table covers every outcome code")
    void coversEveryOutcome() {
        Set<Outcome> covered = table().stream().map(Case::outcome).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Outcome.class));
    }

    @Test
    @DisplayName("the RFC 5530 code wins over a provider text in the same answer")
    void codeBeforeText() {
        Verdict v = Classifier.classify(imapLogin("A1 NO [UNAVAILABLE] Application-specific password required"));

        assertThat(v.outcome()).isEqualTo(Outcome.SERVER_UNAVAILABLE);
    }

    @Test
    @DisplayName("a provider's own text wins over the built-in ones")
    void providerBeforeBuiltIn() {
        ProviderRules rules = new ProviderRules(
                List.of(new ProviderRules.TextRule(Pattern.compile("too many"), Outcome.ACCOUNT_LOCKED)), false, false);
        Verdict v = Classifier.classify(evidence(
                Protocol.SMTP,
                rules,
                new AuthenticationFailedException("x"),
                null,
                server("220 hi"),
                client("EHLO"),
                server("250 AUTH PLAIN"),
                client("AUTH"),
                server("454 4.7.0 Too many login attempts")));

        assertThat(v.outcome()).isEqualTo(Outcome.ACCOUNT_LOCKED);
    }

    @Test
    @DisplayName("a write that did not finish says so, with the write timeout, not the overall limit")
    void writeTimeout() {
        Verdict v = Classifier.classify(evidence(
                Protocol.SMTP,
                ProviderRules.NONE,
                new MessagingException("Socket closed"),
                Attempt.Abort.WRITE_TIMEOUT,
                server("220 smtp.example.jp ESMTP"),
                client("EHLO")));

        assertThat(v.outcome()).isEqualTo(Outcome.READ_TIMEOUT);
        assertThat(v.message())
                .isEqualTo("mail.example.jp:993 stopped taking data: a write did not finish within 10 s");
    }

    @Test
    @DisplayName("[ALERT] and [OVERQUOTA] texts are kept, also when the login worked")
    void alerts() {
        Verdict v = Classifier.classify(imap(
                null,
                server(IMAP_GREETING),
                client("LOGIN"),
                server("* OK [ALERT] Maintenance tonight"),
                server("* NO [OVERQUOTA] Mailbox full"),
                server("A1 OK done")));

        assertThat(v.outcome()).isEqualTo(Outcome.OK);
        assertThat(v.alert()).isEqualTo("Maintenance tonight | Mailbox full");
        assertThat(v.code())
                .as("the RFC 5530 code of an untagged line of the answer")
                .isEqualTo("OVERQUOTA");
    }

    @Test
    @DisplayName("an alert is kept whole, brackets in its text included")
    void alertWithBrackets() {
        Verdict v = Classifier.classify(imap(
                null,
                server(IMAP_GREETING),
                client("LOGIN"),
                server("* OK [ALERT] Password expires in 3 days [see https://example.jp/pw] [x]"),
                server("A1 OK done")));

        assertThat(v.alert()).isEqualTo("Password expires in 3 days [see https://example.jp/pw] [x]");
    }

    @Test
    @DisplayName("a response code that RFC 5530 does not define (CAPABILITY, ALERT) is no code on an OK")
    void okWithoutRfc5530Code() {
        Verdict v = Classifier.classify(imap(
                null,
                server(IMAP_GREETING),
                client("LOGIN"),
                server("* OK [ALERT] Maintenance tonight"),
                server("A1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in")));

        assertThat(v.outcome()).isEqualTo(Outcome.OK);
        assertThat(v.code()).isEmpty();
        assertThat(v.message()).isEqualTo("Logged in");
    }

    @Test
    @DisplayName("a multi-line SMTP reply is joined and its enhanced code kept")
    void multiLineReply() {
        Verdict v =
                Classifier.classify(smtpAuth("535-5.7.8 Username and Password not accepted.", "535 5.7.8 Learn more"));

        assertThat(v.code()).isEqualTo("535 5.7.8");
        assertThat(v.message()).isEqualTo("Username and Password not accepted. Learn more");
    }
}
