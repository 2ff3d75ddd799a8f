package io.sealwatch.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real HTTP receiver on loopback for the sinks' tests: records every request and answers the n-th (from 1) with
 * {@code status.applyAsInt(n)}; {@link #HANG} never answers until the receiver is closed.
 */
public final class Receiver implements AutoCloseable {
    public static final int HANG = -1;
    private static final long WAIT_SECONDS = 60;

    /** One request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final IntUnaryOperator status;
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public Receiver(IntUnaryOperator status) throws IOException {
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static Receiver answering(int status) throws IOException {
        return new Receiver(n -> status);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int n;
        synchronized (this) {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    Map.copyOf(ex.getRequestHeaders()), body));
            n = requests.size();
            notifyAll();
        }
        int answer = status.applyAsInt(n);
        if (answer == HANG) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.sendResponseHeaders(answer == HANG ? 503 : answer, -1);
        ex.close();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code n} requests arrived (failing the test after a minute) and returns them all. */
    public synchronized List<Request> await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (requests.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("the receiver got " + requests.size() + " requests, expected " + n);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
