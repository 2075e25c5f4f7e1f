package dev.mailvault.core.verify.mail;

import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckTexts;
import dev.mailvault.core.verify.CheckTexts.Kind;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ProviderRules;
import jakarta.mail.MessagingException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Turns what happened on a connection into an {@link Outcome}. In this order: the RFC 5530
 * response code of the server's answer; the provider's known texts; the well-known texts and SMTP
 * codes of the big providers; what the answer means for the command it answered; and last the
 * exception under the failure (DNS, refused, timeouts, TLS). See DESIGN.md's outcome table.
 */
final class Classifier {
    private Classifier() {}

    private static final Pattern IMAP_STATUS = Pattern.compile(
            "^(\\*|[^\\s*+]+) (OK|NO|BAD|BYE|PREAUTH)(?: |$)(?:\\[([^\\]]*)\\] ?)?(.*)$", Pattern.CASE_INSENSITIVE);
    // a response's text runs to the end of the line: an alert may hold brackets of its own
    private static final Pattern IMAP_CODE = Pattern.compile("\\[([A-Za-z0-9-]+)[^\\]]*\\] ?(.*)");
    private static final Pattern SMTP_LINE = Pattern.compile("^(\\d{3})([ -]|$)(.*)$");
    private static final Pattern ENHANCED = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})(?:\\s+|$)(.*)$");

    /** RFC 5530 response codes (and RFC 3501's PRIVACYREQUIRED relatives) that decide an outcome. */
    private static final Map<String, Outcome> RFC5530 = Map.ofEntries(
            Map.entry("AUTHENTICATIONFAILED", Outcome.AUTH_FAILED),
            Map.entry("AUTHORIZATIONFAILED", Outcome.AUTH_FAILED),
            Map.entry("EXPIRED", Outcome.PASSWORD_EXPIRED),
            Map.entry("CONTACTADMIN", Outcome.ACCOUNT_LOCKED),
            Map.entry("LIMIT", Outcome.RATE_LIMITED),
            Map.entry("UNAVAILABLE", Outcome.SERVER_UNAVAILABLE),
            Map.entry("INUSE", Outcome.SERVER_UNAVAILABLE),
            Map.entry("SERVERBUG", Outcome.SERVER_UNAVAILABLE),
            Map.entry("PRIVACYREQUIRED", Outcome.TLS_REQUIRED),
            Map.entry("CLIENTBUG", Outcome.PROTOCOL_ERROR));

    /**
     * Every response code RFC 5530 defines: the {@code code} of a result, whatever the answer (an OK
     * may carry one too, as {@code OK [OVERQUOTA]}). Base IMAP's codes ({@code ALERT},
     * {@code CAPABILITY}, ...) are not: an alert has a field of its own.
     */
    private static final Set<String> RFC5530_CODES = Set.of(
            "UNAVAILABLE",
            "AUTHENTICATIONFAILED",
            "AUTHORIZATIONFAILED",
            "EXPIRED",
            "PRIVACYREQUIRED",
            "CONTACTADMIN",
            "NOPERM",
            "INUSE",
            "EXPUNGEISSUED",
            "CORRUPTION",
            "SERVERBUG",
            "CLIENTBUG",
            "CANNOT",
            "LIMIT",
            "OVERQUOTA",
            "ALREADYEXISTS",
            "NONEXISTENT");

    /** Texts the big providers use, matched case-insensitively anywhere in the answer. */
    private static final List<ProviderRules.TextRule> WELL_KNOWN_TEXTS = List.of(
            rule("application-specific password required|app password required", Outcome.APP_PASSWORD_REQUIRED),
            rule("log ?in via your web ?browser|web login required", Outcome.ACCOUNT_LOCKED),
            rule("basic authentication is (disabled|not supported)|5\\.7\\.139|5\\.7\\.30\\b", Outcome.OAUTH_REQUIRED),
            rule("too many|rate limit", Outcome.RATE_LIMITED),
            rule("password (has )?expired", Outcome.PASSWORD_EXPIRED),
            rule("account (is |has been )?(locked|disabled|suspended)", Outcome.ACCOUNT_LOCKED));

    private enum Phase {
        GREETING,
        STARTTLS,
        AUTH,
        OTHER
    }

    /** The server's answer to one command (or its greeting), already parsed. */
    private record Reply(
            Phase phase,
            boolean success,
            String status,
            int smtpCode,
            String code,
            List<String> otherCodes,
            String text,
            String allText,
            boolean parsed) {}

    static Verdict classify(Evidence ev) {
        Transcript.Snapshot t = ev.transcript();
        String alert = ev.protocol() == Protocol.IMAP ? alerts(t) : "";
        if (ev.aborted() == Attempt.Abort.CANCELLED) {
            return new Verdict(Outcome.SKIPPED, "", Kind.CANCELLED.english(), alert);
        }
        if (ev.error() == null) {
            if (!t.authSent()) {
                return new Verdict(Outcome.PROTOCOL_ERROR, "", Kind.NO_PASSWORD_ASKED.english(), alert);
            }
            Reply auth = replyTo(ev.protocol(), t, lastCommandIndex(t, Phase.AUTH));
            return new Verdict(
                    Outcome.OK,
                    auth == null ? "" : codeOf(ev.protocol(), auth),
                    auth == null ? "" : auth.text(),
                    alert);
        }
        if (ev.aborted() == Attempt.Abort.DEADLINE) {
            return new Verdict(
                    Outcome.READ_TIMEOUT,
                    "",
                    Kind.OVERALL_LIMIT.english(where(ev), CheckTexts.seconds(ev.overallDeadline())),
                    alert);
        }
        if (ev.aborted() == Attempt.Abort.WRITE_TIMEOUT) {
            return new Verdict(
                    Outcome.READ_TIMEOUT,
                    "",
                    Kind.WRITE_STALLED.english(where(ev), CheckTexts.seconds(ev.timeout())),
                    alert);
        }
        if (t.violation() != null) {
            return new Verdict(Outcome.PROTOCOL_ERROR, "", t.violation(), alert);
        }
        Reply reply = replyTo(ev.protocol(), t, lastCommandIndex(t, null));
        Verdict verdict = reply == null ? null : fromReply(ev, reply, alert);
        if (verdict == null) {
            verdict = fromException(ev, alert);
        }
        if (verdict.outcome() == Outcome.AUTH_FAILED && ev.rules().authFailureMeansAppPassword()) {
            // iCloud, docomo: the account password never works for mail; any refusal means the special password is
            // needed
            verdict = verdict.withOutcome(Outcome.APP_PASSWORD_REQUIRED);
        }
        return verdict;
    }

    private static Verdict fromReply(Evidence ev, Reply reply, String alert) {
        String code = codeOf(ev.protocol(), reply);
        if (!reply.parsed()) {
            return new Verdict(
                    Outcome.PROTOCOL_ERROR,
                    "",
                    Kind.WRONG_PROTOCOL.english(ev.protocol().name(), reply.text()),
                    alert);
        }
        if (reply.success()) {
            return null;
        }
        if (ev.protocol() == Protocol.IMAP) {
            for (String c : responseCodes(reply)) {
                Outcome o = RFC5530.get(c);
                if (o != null) {
                    return new Verdict(o, c, reply.text(), alert);
                }
            }
        }
        for (ProviderRules.TextRule rule : ev.rules().texts()) {
            if (matches(rule.pattern(), reply.allText())) {
                return new Verdict(rule.outcome(), code, reply.text(), alert);
            }
        }
        if (reply.phase() == Phase.STARTTLS) {
            return new Verdict(Outcome.TLS_REQUIRED, code, Kind.STARTTLS_REFUSED.english(reply.text()), alert);
        }
        Outcome known = wellKnown(reply);
        if (known != null) {
            return new Verdict(known, code, reply.text(), alert);
        }
        Outcome generic = ev.protocol() == Protocol.IMAP ? genericImap(reply) : genericSmtp(reply);
        return generic == null ? null : new Verdict(generic, code, reply.text(), alert);
    }

    private static Outcome wellKnown(Reply reply) {
        String enhanced = reply.code();
        switch (reply.smtpCode()) {
            case 534:
                if (enhanced.equals("5.7.9")) {
                    return Outcome.APP_PASSWORD_REQUIRED;
                }
                if (enhanced.equals("5.7.14")) {
                    return Outcome.ACCOUNT_LOCKED;
                }
                break;
            case 535:
                if (enhanced.equals("5.7.139")) {
                    return Outcome.OAUTH_REQUIRED;
                }
                break;
            case 550:
                if (enhanced.equals("5.7.30")) {
                    return Outcome.OAUTH_REQUIRED;
                }
                break;
            case 432:
                if (enhanced.equals("4.7.12")) {
                    return Outcome.PASSWORD_EXPIRED;
                }
                break;
            case 538:
                return Outcome.TLS_REQUIRED;
            case 530:
                if (reply.allText().toUpperCase(Locale.ROOT).contains("STARTTLS")) {
                    return Outcome.TLS_REQUIRED;
                }
                break;
            default:
                break;
        }
        for (ProviderRules.TextRule rule : WELL_KNOWN_TEXTS) {
            if (matches(rule.pattern(), reply.allText())) {
                return rule.outcome();
            }
        }
        return switch (reply.smtpCode()) {
            case 535 -> Outcome.AUTH_FAILED;
            case 421, 454 -> Outcome.SERVER_UNAVAILABLE;
            default -> null;
        };
    }

    private static Outcome genericImap(Reply reply) {
        String status = reply.status();
        return switch (reply.phase()) {
            case GREETING -> status.equals("BYE") ? Outcome.SERVER_UNAVAILABLE : Outcome.PROTOCOL_ERROR;
            case AUTH ->
                switch (status) {
                    case "NO" -> Outcome.AUTH_FAILED;
                    case "BYE" -> Outcome.RATE_LIMITED;
                    default -> Outcome.PROTOCOL_ERROR;
                };
            case STARTTLS, OTHER -> status.equals("BYE") ? Outcome.SERVER_UNAVAILABLE : Outcome.PROTOCOL_ERROR;
        };
    }

    private static Outcome genericSmtp(Reply reply) {
        int code = reply.smtpCode();
        boolean transient4xx = code >= 400 && code < 500;
        return switch (reply.phase()) {
            case GREETING -> code == 554 || transient4xx ? Outcome.SERVER_UNAVAILABLE : Outcome.PROTOCOL_ERROR;
            case AUTH -> {
                if (transient4xx) {
                    yield Outcome.SERVER_UNAVAILABLE;
                }
                // 500-504: AUTH itself was not understood (SMTP's BAD), so no password was judged
                yield code >= 500 && code <= 504 ? Outcome.PROTOCOL_ERROR : Outcome.AUTH_FAILED;
            }
            case STARTTLS, OTHER -> transient4xx ? Outcome.SERVER_UNAVAILABLE : Outcome.PROTOCOL_ERROR;
        };
    }

    private static Verdict fromException(Evidence ev, String alert) {
        List<Throwable> chain = causes(ev.error());
        boolean connecting = false;
        for (Throwable t : chain) {
            if (t instanceof MailConnectException || t instanceof SocketConnectException) {
                connecting = true;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof TlsTrustException trust) {
                Outcome o = trust.kind() == TlsTrustException.Kind.HOSTNAME_MISMATCH
                        ? Outcome.TLS_HOSTNAME_MISMATCH
                        : Outcome.TLS_CERT_INVALID;
                return new Verdict(o, "", trust.getMessage(), alert);
            }
        }
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof UnknownHostException) {
                return new Verdict(Outcome.DNS_FAILURE, "", Kind.HOST_NOT_FOUND.english(ev.host()), alert);
            }
            if (t instanceof ServerMisbehaviorException) {
                return new Verdict(Outcome.PROTOCOL_ERROR, "", message, alert);
            }
            if (t instanceof SocketTimeoutException) {
                if (connecting || message.toLowerCase(Locale.ROOT).contains("connect timed out")) {
                    return new Verdict(
                            Outcome.CONNECT_TIMEOUT,
                            "",
                            Kind.CONNECT_TIMED_OUT.english(where(ev), CheckTexts.seconds(ev.timeout())),
                            alert);
                }
                return new Verdict(
                        Outcome.READ_TIMEOUT,
                        "",
                        Kind.NO_ANSWER.english(where(ev), CheckTexts.seconds(ev.timeout())),
                        alert);
            }
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof PortUnreachableException) {
                return new Verdict(
                        Outcome.CONNECT_REFUSED,
                        "",
                        message.isEmpty()
                                ? Kind.REFUSED.english(where(ev))
                                : Kind.REFUSED_BECAUSE.english(where(ev), message),
                        alert);
            }
            if (t instanceof CertificateExpiredException
                    || t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException) {
                return new Verdict(Outcome.TLS_CERT_INVALID, "", message, alert);
            }
        }
        Transcript.Snapshot t = ev.transcript();
        for (Throwable x : chain) {
            String message = x.getMessage() == null ? "" : x.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("starttls") && lower.contains("required")) {
                return new Verdict(Outcome.TLS_REQUIRED, "", Kind.STARTTLS_MISSING.english(), alert);
            }
            if (lower.contains("no login methods supported")
                    || lower.contains("no authentication mechanisms supported")) {
                return noUsableMechanism(ev, t, alert);
            }
            if (lower.contains("server identity does not match") || lower.contains("can't verify identity")) {
                return new Verdict(Outcome.TLS_HOSTNAME_MISMATCH, "", message, alert);
            }
        }
        for (Throwable x : chain) {
            // the JDK's words for a first answer that is no TLS record: a plain-text server on a TLS port
            if (x instanceof SSLException
                    && x.getMessage() != null
                    && x.getMessage().contains("Unsupported or unrecognized SSL message")) {
                return new Verdict(Outcome.PROTOCOL_ERROR, "", Kind.NOT_TLS.english(where(ev)), alert);
            }
        }
        for (Throwable x : chain) {
            if (x instanceof SSLException) {
                return new Verdict(Outcome.TLS_ERROR, "", Kind.TLS_HANDSHAKE_FAILED.english(x.getMessage()), alert);
            }
        }
        for (Throwable x : chain) {
            String message = x.getMessage() == null ? "" : x.getMessage();
            if (x instanceof EOFException
                    || message.contains("Connection dropped by server")
                    || (x instanceof SocketException && !connecting)
                    || message.contains("[EOF]")) {
                return new Verdict(Outcome.SERVER_UNAVAILABLE, "", Kind.CONNECTION_CLOSED.english(), alert);
            }
            if (x instanceof SocketException) {
                return new Verdict(Outcome.CONNECT_REFUSED, "", Kind.NO_CONNECTION.english(where(ev), message), alert);
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        for (Throwable x : chain) {
            if (x instanceof RuntimeException) {
                return new Verdict(
                        Outcome.PROTOCOL_ERROR,
                        "",
                        Kind.ANSWER_NOT_UNDERSTOOD.english(x.getClass().getSimpleName()),
                        alert);
            }
        }
        String message = ev.error().getMessage() != null ? ev.error().getMessage() : root.toString();
        return new Verdict(Outcome.PROTOCOL_ERROR, "", message.strip(), alert);
    }

    /** The client and server share no password mechanism: OAuth only, or plain login switched off. */
    private static Verdict noUsableMechanism(Evidence ev, Transcript.Snapshot t, String alert) {
        String capabilities = String.join(" ", t.serverLines()).toUpperCase(Locale.ROOT);
        boolean oauth = capabilities.contains("XOAUTH2") || capabilities.contains("OAUTHBEARER");
        if (oauth) {
            return new Verdict(Outcome.OAUTH_REQUIRED, "", Kind.OAUTH_ONLY_SERVER.english(), alert);
        }
        if (capabilities.contains("LOGINDISABLED")) {
            return new Verdict(Outcome.TLS_REQUIRED, "", Kind.LOGIN_DISABLED.english(), alert);
        }
        return new Verdict(Outcome.PROTOCOL_ERROR, "", Kind.NO_PASSWORD_MECHANISM.english(), alert);
    }

    /** Index of the last client command (of the given phase, or any but a final LOGOUT/QUIT); -1 for none. */
    private static int lastCommandIndex(Transcript.Snapshot t, Phase phase) {
        List<Transcript.Event> events = t.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof Transcript.ClientCommand c) {
                Phase p = phaseOf(c.verb());
                if (phase == null ? !(c.verb().equals("LOGOUT") || c.verb().equals("QUIT")) : p == phase) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Phase phaseOf(String verb) {
        return switch (verb) {
            case "STARTTLS" -> Phase.STARTTLS;
            case "LOGIN", "AUTHENTICATE", "AUTH" -> Phase.AUTH;
            default -> Phase.OTHER;
        };
    }

    /** The server lines answering the command at {@code commandIndex} (-1: the greeting), parsed. */
    private static Reply replyTo(Protocol protocol, Transcript.Snapshot t, int commandIndex) {
        List<Transcript.Event> events = t.events();
        Phase phase = commandIndex < 0
                ? Phase.GREETING
                : phaseOf(((Transcript.ClientCommand) events.get(commandIndex)).verb());
        List<String> lines = new ArrayList<>();
        for (int i = commandIndex + 1; i < events.size(); i++) {
            Transcript.Event e = events.get(i);
            if (e instanceof Transcript.ClientCommand) {
                break;
            }
            lines.add(((Transcript.ServerLine) e).text());
        }
        if (lines.isEmpty()) {
            return null;
        }
        return protocol == Protocol.IMAP ? imapReply(phase, lines) : smtpReply(phase, lines);
    }

    private static Reply imapReply(Phase phase, List<String> lines) {
        String decisive = null;
        String decisiveStatus = null;
        int rank = 0;
        List<String> codes = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            Matcher m = IMAP_STATUS.matcher(line);
            if (!m.matches()) {
                if (line.startsWith("* ") || line.startsWith("+")) {
                    continue;
                }
                if (phase == Phase.GREETING || rank == 0) {
                    return new Reply(phase, false, "", 0, "", List.of(), line, line, false);
                }
                continue;
            }
            String status = m.group(2).toUpperCase(Locale.ROOT);
            boolean tagged = !m.group(1).equals("*");
            all.append(line).append('\n');
            if (m.group(3) != null) {
                codes.add(m.group(3).split(" ", 2)[0].toUpperCase(Locale.ROOT));
            }
            int r = tagged ? 4 : status.equals("BYE") ? 3 : status.equals("NO") || status.equals("BAD") ? 2 : 1;
            if (phase == Phase.GREETING && decisive == null) {
                r = 5; // the greeting is the first line, whatever follows
            }
            if (r >= rank) {
                rank = r;
                decisive = line;
                decisiveStatus = status;
            }
        }
        if (decisive == null) {
            return null;
        }
        Matcher m = IMAP_STATUS.matcher(decisive);
        m.matches();
        String code = m.group(3) == null ? "" : m.group(3).split(" ", 2)[0].toUpperCase(Locale.ROOT);
        List<String> others = new ArrayList<>(new LinkedHashSet<>(codes));
        others.remove(code);
        String text = m.group(4).strip();
        if (text.isEmpty() && m.group(3) != null) {
            text = "[" + m.group(3) + "]";
        }
        boolean success = decisiveStatus.equals("OK") || decisiveStatus.equals("PREAUTH");
        return new Reply(phase, success, decisiveStatus, 0, code, others, text, all.toString(), true);
    }

    private static Reply smtpReply(Phase phase, List<String> lines) {
        int code = -1;
        String enhanced = "";
        StringBuilder text = new StringBuilder();
        StringBuilder all = new StringBuilder();
        boolean complete = false;
        for (String line : lines) {
            Matcher m = SMTP_LINE.matcher(line);
            if (!m.matches()) {
                return new Reply(phase, false, "", -1, "", List.of(), line, line, false);
            }
            if (complete) {
                // a new reply starts: keep only the last one
                code = -1;
                enhanced = "";
                text.setLength(0);
                all.setLength(0);
                complete = false;
            }
            code = Integer.parseInt(m.group(1));
            String rest = m.group(3).strip();
            Matcher e = ENHANCED.matcher(rest);
            if (e.matches()) {
                enhanced = e.group(1);
                rest = e.group(2).strip();
            }
            if (!rest.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(rest);
            }
            all.append(line).append('\n');
            complete = !m.group(2).equals("-");
        }
        boolean success = code >= 200 && code < 400;
        return new Reply(
                phase, success, String.valueOf(code), code, enhanced, List.of(), text.toString(), all.toString(), true);
    }

    /** The response codes of an IMAP answer: the tagged line's first, then those of the untagged lines. */
    private static List<String> responseCodes(Reply reply) {
        List<String> codes = new ArrayList<>();
        codes.add(reply.code());
        codes.addAll(reply.otherCodes());
        return codes;
    }

    private static String codeOf(Protocol protocol, Reply reply) {
        if (protocol == Protocol.IMAP) {
            return responseCodes(reply).stream()
                    .filter(RFC5530_CODES::contains)
                    .findFirst()
                    .orElse("");
        }
        if (reply.smtpCode() <= 0) {
            return "";
        }
        return reply.code().isEmpty() ? String.valueOf(reply.smtpCode()) : reply.smtpCode() + " " + reply.code();
    }

    /** The texts of IMAP {@code [ALERT]} and {@code [OVERQUOTA]} responses, joined. */
    static String alerts(Transcript.Snapshot t) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : t.serverLines()) {
            Matcher m = IMAP_CODE.matcher(line);
            while (m.find()) {
                String code = m.group(1).toUpperCase(Locale.ROOT);
                if (code.equals("ALERT") || code.equals("OVERQUOTA")) {
                    String text = m.group(2).strip();
                    found.add(text.isEmpty() ? code.toLowerCase(Locale.ROOT) : text);
                }
            }
        }
        return String.join(CheckResult.ALERT_SEPARATOR, found);
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> queue = new ArrayList<>();
        queue.add(error);
        while (!queue.isEmpty() && out.size() < 32) {
            Throwable t = queue.remove(0);
            if (t == null || seen.put(t, true) != null) {
                continue;
            }
            out.add(t);
            queue.add(t.getCause());
            if (t instanceof MessagingException m) {
                queue.add(m.getNextException());
            }
            if (t instanceof SocketConnectException s) {
                queue.add(s.getException());
            }
            if (t instanceof ProtocolException p) {
                Response r = p.getResponse();
                if (r != null && r.isSynthetic()) {
                    // Jakarta Mail turns an I/O failure during a command into a made-up BYE
                    queue.add(r.getException());
                }
            }
        }
        return out;
    }

    private static boolean matches(Pattern pattern, String text) {
        Pattern p = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0
                ? pattern
                : Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).find();
    }

    private static ProviderRules.TextRule rule(String regex, Outcome outcome) {
        return new ProviderRules.TextRule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), outcome);
    }

    private static String where(Evidence ev) {
        return ev.host() + ":" + ev.port();
    }
}
