package io.damwebhooks.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A raw receiver on loopback that answers 200 and then sends body chunks forever, one every
 * {@code pauseMillis}: per-read socket timeouts never fire on it, only a deadline on the whole
 * exchange ends it. For each connection it reports how long the client kept it open before closing it.
 */
public final class EndlessBody implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    /** Per connection, from its request to the moment the client closed it. */
    public final BlockingQueue<Duration> heldOpen = new LinkedBlockingQueue<>();

    public EndlessBody(long pauseMillis) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]); // the request; its content does not matter
                    Instant requested = Instant.now();
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                        while (true) {
                            out.write(chunk);
                            out.flush();
                            if (pauseMillis > 0) Thread.sleep(pauseMillis); // a receiver that trickles, not a synchronisation
                        }
                    } catch (IOException closedByClient) {
                        heldOpen.add(Duration.between(requested, Instant.now()));
                    }
                } catch (IOException | InterruptedException gone) {
                    // the test is over
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/endless";
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
