package io.sealwatch.alerts;

import io.sealwatch.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} of a real JVM posting and delivering alerts, at several points, each time restarted on the same
 * folder: in the end every alert arrived at least once, and none arrived again after its delivery was on disk.
 */
class OutboxKillTest {
    private static final int ALERTS = 40;

    @TempDir
    Path dir;

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    @Test
    void noAlertLostAndNoneSentAgainOnceRecorded() throws Exception {
        // each answer takes a while, so that a kill as a request arrives lands before its delivery is recorded
        try (Receiver receiver = new Receiver(n -> {
            sleep(40);
            return 200;
        })) {
            Map<String, Integer> atRecording = new HashMap<>();
            // kill: while posting; after some deliveries; at once; after more; once everything is idle
            List<Predicate<Child>> killWhen = List.of(c -> c.said("posted 5"), c -> receiver.requests().size() >= 12,
                    c -> true, c -> receiver.requests().size() >= 30, c -> c.said("idle"));
            for (Predicate<Child> when : killWhen) {
                Child child = new Child(receiver);
                AlertsTesting.until("the moment to kill", () -> child.alive() && when.test(child));
                child.kill();
                count(receiver);
                for (String id : delivered()) {
                    atRecording.putIfAbsent(id, arrivals.get(id).get());
                }
            }
            // one more life: it must find nothing left to do
            Child last = new Child(receiver);
            AlertsTesting.until("idle", () -> last.alive() && last.said("idle"));
            last.kill();
            count(receiver);
            for (int i = 0; i < ALERTS; i++) {
                String id = AlertsTesting.alert(i, Severity.HIGH).id();
                assertTrue(arrivals.containsKey(id), "alert " + i + " never arrived");
            }
            assertEquals(ALERTS, delivered().size(), "every delivery is on disk");
            for (Map.Entry<String, Integer> e : atRecording.entrySet()) {
                assertEquals(e.getValue(), arrivals.get(e.getKey()).get(),
                        e.getKey() + " arrived again after its delivery was recorded");
            }
        }
    }

    /** A child JVM and what it printed so far. */
    private final class Child {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Child(Receiver receiver) throws IOException {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), OutboxChild.class.getName(),
                    dir.toString(), receiver.uri().toString(), Integer.toString(ALERTS))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("unreadable: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean said(String line) {
            return lines.contains(line);
        }

        /** True while running; a child that ended by itself fails the test. */
        boolean alive() {
            if (!process.isAlive()) {
                fail("the child ended by itself with exit " + process.exitValue() + " after " + lines);
            }
            return true;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        }
    }

    /** Counts the requests that arrived since the last call, per alert id. */
    private void count(Receiver receiver) {
        List<Receiver.Request> all = receiver.requests();
        for (Receiver.Request r : all.subList(total.get(), all.size())) {
            arrivals.computeIfAbsent(OutboxTest.id(r), k -> new AtomicInteger()).incrementAndGet();
        }
        total.set(all.size());
    }

    /** The alerts whose delivery is recorded in the journal (read while no process has it open). */
    private Set<String> delivered() throws Exception {
        Set<String> ids = new HashSet<>();
        for (Journal.Entry e : Journal.read(dir)) {
            if ("delivered".equals(e.node().path("e").asText())) {
                ids.add(e.node().path("id").asText());
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
