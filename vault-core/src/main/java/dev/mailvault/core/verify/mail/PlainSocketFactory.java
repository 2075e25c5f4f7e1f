package dev.mailvault.core.verify.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Makes the plain sockets that STARTTLS starts from: guarded, and tracked by their {@link Attempt}. */
final class PlainSocketFactory extends SocketFactory {
    private final Attempt attempt;
    private final int connectTimeoutMillis;

    PlainSocketFactory(Attempt attempt, int connectTimeoutMillis) {
        this.attempt = attempt;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Socket createSocket() {
        GuardedSocket socket = new GuardedSocket(attempt);
        attempt.track(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
        return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address, connectTimeoutMillis);
        return socket;
    }
}
