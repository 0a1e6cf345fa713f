package io.genops.exporters.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver on 127.0.0.1 that accepts every connection and never reads or answers: the collector or API
 * that hangs, which only a client's own deadline ends. Closing it closes every connection.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentServer() throws IOException {
        socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        final Thread acceptor = new Thread(this::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server listening on an ephemeral port. */
    public static SilentServer start() throws IOException {
        return new SilentServer();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The connections accepted so far. */
    public int connections() {
        return accepted.size();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                accepted.add(socket.accept());
            } catch (final IOException e) {
                // Closed: the loop ends.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (final Socket client : accepted) {
            client.close();
        }
    }
}
