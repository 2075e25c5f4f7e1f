package dev.mailvault.core.verify.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factories of the one Jakarta Mail session that all checks of a run share: each call
 * goes to the factories of the check running on the calling thread (Jakarta Mail connects, and
 * starts TLS, on the thread that called {@code connect}). A thread with no check bound gets an
 * exception, never a socket with some default trust.
 */
final class CurrentCheckFactories {
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    private record Bound(TargetSslSocketFactory ssl, PlainSocketFactory plain) {}

    /** The factories Jakarta Mail is given, for {@code mail.<protocol>.ssl.socketFactory}. */
    final SSLSocketFactory ssl = new Ssl();

    /** ... and for {@code mail.<protocol>.socketFactory} (the plain socket STARTTLS starts from). */
    final SocketFactory plain = new Plain();

    /** Binds one check's factories to this thread until the returned binding is closed. */
    Binding bind(TargetSslSocketFactory sslFactory, PlainSocketFactory plainFactory) {
        current.set(new Bound(sslFactory, plainFactory));
        return current::remove;
    }

    /** The end of a check's binding. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private Bound bound() throws SocketException {
        Bound b = current.get();
        if (b == null) {
            throw new SocketException("no login check is running on this thread");
        }
        return b;
    }

    private final class Ssl extends SSLSocketFactory {
        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            return bound().ssl().createSocket(plain, host, port, autoClose);
        }

        @Override
        public Socket createSocket() throws IOException {
            return bound().ssl().createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return bound().ssl().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return bound().ssl().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return bound().ssl().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return bound().ssl().createSocket(address, port, localAddress, localPort);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            Bound b = current.get();
            return b == null ? new String[0] : b.ssl().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            Bound b = current.get();
            return b == null ? new String[0] : b.ssl().getSupportedCipherSuites();
        }
    }

    private final class Plain extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            return bound().plain().createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return bound().plain().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return bound().plain().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return bound().plain().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return bound().plain().createSocket(address, port, localAddress, localPort);
        }
    }
}
