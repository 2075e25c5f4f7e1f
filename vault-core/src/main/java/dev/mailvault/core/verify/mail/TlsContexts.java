package dev.mailvault.core.verify.mail;

import dev.mailvault.core.verify.TrustAnchors;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS contexts of one run, by {@link TrustAnchors}. A check borrows a context for its login
 * and gives it back afterwards; a later check with equal anchors gets it again, and its login to
 * the same host and port resumes the TLS session that the last one left there: no certificate
 * chain to validate, no signature for the server to make. The session was made under the same
 * anchors and for the same host name (the JDK checks the name again when it resumes), so it
 * proves what a full handshake would. Anchors that differ never share a context.
 *
 * <p>A context is lent to one check at a time: the JDK keeps one session per host and port in a
 * context and uses a TLS 1.3 session only once (its ticket is taken out when it is offered), so
 * checks running in parallel on one context would mostly find none to resume. With one context
 * per check in flight, every login after the first of each context resumes.
 */
final class TlsContexts {
    private final Map<TrustAnchors, Queue<SSLContext>> idle = new ConcurrentHashMap<>();

    /** A context trusting exactly {@code trust}, which no other check uses until it is closed. */
    Lease borrow(TrustAnchors trust) throws GeneralSecurityException {
        Queue<SSLContext> queue = idle.computeIfAbsent(trust, t -> new ConcurrentLinkedQueue<>());
        SSLContext context = queue.poll();
        if (context == null) {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TargetTrustManager(trust)}, null);
        }
        return new Lease(queue, context);
    }

    /** One check's use of a context; closing it lends the context to the next check. */
    static final class Lease implements AutoCloseable {
        private final Queue<SSLContext> queue;
        private final SSLContext context;

        private Lease(Queue<SSLContext> queue, SSLContext context) {
            this.queue = queue;
            this.context = context;
        }

        SSLContext context() {
            return context;
        }

        @Override
        public void close() {
            queue.offer(context);
        }
    }
}
