package dev.mailvault.core.verify.mail;

import dev.mailvault.core.crypto.Fingerprints;
import dev.mailvault.core.verify.CheckTexts.Kind;
import dev.mailvault.core.verify.TrustAnchors;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for one check, following the target's {@link TrustAnchors}: the chain must be trusted
 * first (by the account's CA or the runtime's CAs, or be exactly the pinned certificate), then match
 * the host name. The JDK takes the two steps in that order, so its failure tells which one failed:
 * an untrusted certificate and a certificate for another host get different outcomes. A check
 * without a host name is refused.
 */
final class TargetTrustManager extends X509ExtendedTrustManager {
    private static volatile X509ExtendedTrustManager system;

    private final byte[] pinnedDer;
    private final List<X509ExtendedTrustManager> anchors;

    TargetTrustManager(TrustAnchors trust) throws GeneralSecurityException {
        this.pinnedDer = trust.pinnedDer().orElse(null);
        List<X509ExtendedTrustManager> list = new ArrayList<>();
        if (pinnedDer != null) {
            X509Certificate pinned = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pinnedDer));
            list.add(trustManagerFor(List.of(pinned)));
        } else {
            // the account's own CA first: when it was given, it is the one that issued the
            // server's certificate, and a failed search through the runtime's CAs costs more
            // than the check itself
            if (!trust.extraCas().isEmpty()) {
                list.add(trustManagerFor(trust.extraCas()));
            }
            list.add(systemTrustManager());
        }
        this.anchors = List.copyOf(list);
    }

    private interface IdentityCheck {
        void check(X509ExtendedTrustManager tm) throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!(socket instanceof SSLSocket ssl)) {
            throw new CertificateException("a TLS socket is needed to check the server's host name");
        }
        requireHostCheck(ssl.getSSLParameters());
        check(chain, tm -> tm.checkServerTrusted(chain, authType, socket), peerHost(ssl.getHandshakeSession()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        requireHostCheck(engine.getSSLParameters());
        check(chain, tm -> tm.checkServerTrusted(chain, authType, engine), peerHost(engine.getHandshakeSession()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server certificate is only accepted together with a host name check");
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
        List<X509Certificate> all = new ArrayList<>();
        for (X509ExtendedTrustManager tm : anchors) {
            all.addAll(List.of(tm.getAcceptedIssuers()));
        }
        return all.toArray(new X509Certificate[0]);
    }

    private void check(X509Certificate[] chain, IdentityCheck fullCheck, String host) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new TlsTrustException(TlsTrustException.Kind.UNTRUSTED, Kind.NO_CERTIFICATE.english(), null);
        }
        X509Certificate leaf = chain[0];
        if (pinnedDer != null) {
            byte[] der = leaf.getEncoded();
            if (!MessageDigest.isEqual(der, pinnedDer)) {
                throw new TlsTrustException(
                        TlsTrustException.Kind.PIN_MISMATCH,
                        Kind.NOT_PINNED.english(Fingerprints.sha256(pinnedDer), Fingerprints.sha256(der)),
                        null);
            }
            // a trust anchor's own dates are not checked by PKIX, so check the pinned certificate's here
            try {
                leaf.checkValidity(now());
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new TlsTrustException(TlsTrustException.Kind.UNTRUSTED, describeDates(leaf), e);
            }
        }
        // one validation per trust manager: the JDK validates the chain first and matches the host
        // name only after that, so a name mismatch means this trust manager trusts the chain
        CertificateException firstFailure = null;
        for (X509ExtendedTrustManager tm : anchors) {
            try {
                fullCheck.check(tm);
                return;
            } catch (CertificateException e) {
                if (isNameMismatch(e)) {
                    throw new TlsTrustException(
                            TlsTrustException.Kind.HOSTNAME_MISMATCH, Kind.OTHER_HOST.english(names(leaf), host), e);
                }
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        throw new TlsTrustException(
                TlsTrustException.Kind.UNTRUSTED, describeUntrusted(leaf, firstFailure), firstFailure);
    }

    /**
     * Certificate dates are judged by the system clock, as the JDK's PKIX validation does for the
     * CA path; an injected clock here would make the two disagree.
     */
    private static Date now() {
        return new Date();
    }

    private static void requireHostCheck(SSLParameters parameters) throws CertificateException {
        if (parameters == null || parameters.getEndpointIdentificationAlgorithm() == null) {
            throw new CertificateException("the host name check is not enabled on this connection");
        }
    }

    private static String peerHost(SSLSession session) {
        return session == null || session.getPeerHost() == null ? "this host" : session.getPeerHost();
    }

    private static boolean isNameMismatch(CertificateException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.startsWith("No subject alternative") || message.startsWith("No name matching");
    }

    private String describeUntrusted(X509Certificate leaf, CertificateException cause) {
        try {
            leaf.checkValidity(now());
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return describeDates(leaf);
        }
        String subject = leaf.getSubjectX500Principal().getName();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // no path to any trusted CA: say so in words, not in the JDK's "PKIX path building failed"
            if (t instanceof java.security.cert.CertPathBuilderException) {
                return Kind.NO_TRUSTED_ISSUER.english(subject, fingerprint(leaf));
            }
        }
        return cause != null && cause.getMessage() != null
                ? Kind.UNTRUSTED_BECAUSE.english(subject, fingerprint(leaf), cause.getMessage())
                : Kind.UNTRUSTED.english(subject, fingerprint(leaf));
    }

    private String describeDates(X509Certificate leaf) {
        Date now = now();
        if (now.before(leaf.getNotBefore())) {
            return Kind.NOT_YET_VALID.english(leaf.getNotBefore().toInstant());
        }
        return Kind.EXPIRED.english(leaf.getNotAfter().toInstant());
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            return Fingerprints.sha256(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return "?";
        }
    }

    static String names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alt = cert.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    names.add(String.valueOf(entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the subject below
        }
        return names.isEmpty() ? cert.getSubjectX500Principal().getName() : String.join(", ", names);
    }

    static X509ExtendedTrustManager systemTrustManager() throws GeneralSecurityException {
        X509ExtendedTrustManager tm = system;
        if (tm == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init((KeyStore) null);
            tm = only(factory.getTrustManagers());
            system = tm;
        }
        return tm;
    }

    private static X509ExtendedTrustManager trustManagerFor(List<X509Certificate> certificates)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("could not create an in-memory trust store", e);
        }
        int i = 0;
        for (X509Certificate c : certificates) {
            store.setCertificateEntry("anchor-" + i++, c);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        return only(factory.getTrustManagers());
    }

    private static X509ExtendedTrustManager only(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager tm : managers) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the runtime offers no X.509 trust manager");
    }
}
