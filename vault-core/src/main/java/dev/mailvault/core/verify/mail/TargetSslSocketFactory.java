package dev.mailvault.core.verify.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory of one check: the {@link SSLContext} it borrowed (trust from the target only),
 * TLS 1.2 or 1.3, the host name check always on, every socket tracked by the {@link Attempt} and
 * wrapped in a {@link GuardedSslSocket}. Jakarta Mail layers it over the plain socket it connected
 * (implicit TLS) or over the STARTTLS socket.
 */
final class TargetSslSocketFactory extends SSLSocketFactory {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLSocketFactory delegate;
    private final Attempt attempt;
    private final int connectTimeoutMillis;

    TargetSslSocketFactory(SSLContext context, Attempt attempt, int connectTimeoutMillis) {
        this.delegate = context.getSocketFactory();
        this.attempt = attempt;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        attempt.track(plain);
        attempt.stopGuardingPlain();
        // the handshake's last flight goes out in more than one write: with Nagle's algorithm the
        // later writes would wait for the server's (delayed) acknowledgement of the first
        plain.setTcpNoDelay(true);
        SSLSocket ssl = (SSLSocket) delegate.createSocket(plain, host, port, autoClose);
        attempt.track(ssl);
        configure(ssl);
        return new GuardedSslSocket(ssl, attempt);
    }

    static void configure(SSLSocket ssl) {
        List<String> enabled = new ArrayList<>();
        for (String p : ssl.getSupportedProtocols()) {
            if (PROTOCOLS.contains(p)) {
                enabled.add(p);
            }
        }
        ssl.setEnabledProtocols(enabled.toArray(new String[0]));
        SSLParameters parameters = ssl.getSSLParameters();
        // the same rules Jakarta Mail applies with checkserveridentity=true; set here too so that no path skips them
        parameters.setEndpointIdentificationAlgorithm("LDAPS");
        ssl.setSSLParameters(parameters);
    }

    @Override
    public Socket createSocket() throws IOException {
        throw new SocketException("unconnected TLS sockets are not used by login checks");
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layered(new InetSocketAddress(host, port), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket plain = new Socket();
        attempt.track(plain);
        plain.bind(new InetSocketAddress(localHost, localPort));
        plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        return createSocket(plain, host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return layered(new InetSocketAddress(host, port), host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket plain = new Socket();
        attempt.track(plain);
        plain.bind(new InetSocketAddress(localAddress, localPort));
        plain.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
        return createSocket(plain, address.getHostAddress(), port, true);
    }

    private Socket layered(InetSocketAddress address, String host, int port) throws IOException {
        Socket plain = new Socket();
        attempt.track(plain);
        plain.connect(address, connectTimeoutMillis);
        return createSocket(plain, host, port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
