package dev.mailvault.core.demo.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * GreenMail serving IMAPS and SMTPS with a key of our own. GreenMail's own TLS servers take their
 * key from JVM-wide system properties, read once per JVM; this one takes it per instance, so the
 * demo's certificate is the one presented even when another GreenMail ran in the same JVM first.
 */
public final class TlsGreenMail extends GreenMail {
    // null while GreenMail's constructor runs (it calls createServices); start() creates them again
    private final SSLServerSocketFactory tls;

    public TlsGreenMail(ServerSetup[] setups, SSLServerSocketFactory tls) {
        super(setups);
        this.tls = Objects.requireNonNull(tls, "tls");
        for (ServerSetup setup : setups) {
            String protocol = setup.getProtocol();
            if (!protocol.equals(ServerSetup.PROTOCOL_IMAPS) && !protocol.equals(ServerSetup.PROTOCOL_SMTPS)) {
                throw new IllegalArgumentException("only imaps and smtps are served, not " + protocol);
            }
        }
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        if (tls == null) {
            return services;
        }
        for (ServerSetup setup : config) {
            if (setup.getProtocol().equals(ServerSetup.PROTOCOL_IMAPS)) {
                services.put(setup.getProtocol(), new Imaps(setup, managers, tls));
            } else {
                services.put(setup.getProtocol(), new Smtps(setup, managers, tls));
            }
        }
        return services;
    }

    /** The port a running server of {@code protocol} ({@code imaps} or {@code smtps}) listens on. */
    public int port(String protocol) {
        AbstractServer server = services.get(protocol);
        if (server == null) {
            throw new IllegalStateException(protocol + " is not running");
        }
        return server.getPort();
    }

    private static ServerSocket bind(SSLServerSocketFactory tls, ServerSetup setup, String bindAddress)
            throws IOException {
        ServerSocket socket = tls.createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, setup.getPort()));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** GreenMail's IMAP server (a final class there), on our TLS key. */
    private static final class Imaps extends AbstractServer {
        private final SSLServerSocketFactory tls;

        Imaps(ServerSetup setup, Managers managers, SSLServerSocketFactory tls) {
            super(setup, managers);
            this.tls = tls;
        }

        @Override
        protected ServerSocket openServerSocket() throws IOException {
            ServerSocket socket = bind(tls, setup, getBindTo());
            setup = setup.port(socket.getLocalPort());
            setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
            return socket;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), clientSocket);
        }
    }

    private static final class Smtps extends SmtpServer {
        private final SSLServerSocketFactory tls;

        Smtps(ServerSetup setup, Managers managers, SSLServerSocketFactory tls) {
            super(setup, managers);
            this.tls = tls;
        }

        @Override
        protected ServerSocket openServerSocket() throws IOException {
            ServerSocket socket = bind(tls, setup, getBindTo());
            setup = setup.port(socket.getLocalPort());
            setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
            return socket;
        }
    }
}
