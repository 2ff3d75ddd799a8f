package io.sealwatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sealwatch.samples.ExampleCorp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service in a JVM of its own, with a webhook sink pointing at a receiver in this test, killed with
 * SIGKILL during its first judgement, right after a break-glass sign-in lands, and after the use's alert
 * was delivered — each time restarted on the same state. In the end the use's {@code episode-started}
 * alert arrived, after the drop, and no alert the outbox had recorded as delivered arrived again.
 */
class WatchKillTest {
    private static final Pattern PAGE = Pattern.compile("status page (http://127\\.0\\.0\\.1:\\d+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** What the receiver got, in order: each alert's id and kind. */
    private final List<String[]> received = new ArrayList<>();
    private HttpServer receiver;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void killedAtAnyMomentItLosesNoAlertAndRepeatsNoDeliveredOne() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            JsonNode alert = JSON.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (received) {
                received.add(new String[]{alert.path("id").asText(), alert.path("kind").asText(),
                        alert.path("episode").asText()});
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Path config = ExampleCorp.extract(tmp.resolve("org"));
        Files.writeString(config, Files.readString(config) + "\nwatch:\n  poll: PT1S\nalerts:\n"
                + "  - { type: webhook, url: \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\" }\n");
        String classpath = ChildJvm.installed(tmp.resolve("app"));
        List<Set<String>> deliveredBefore = new ArrayList<>();   // index: receipts so far when it was read
        List<Integer> readAt = new ArrayList<>();

        // 1. killed during its first judgement
        Child c = start(classpath, config);
        c.await("sealwatch: watching");
        kill(c);

        // 2. judged once, then killed right after a sign-in of the AWS break-glass user lands
        c = start(classpath, config);
        String page = c.page();
        awaitJudged(page);
        int beforeDrop = count();
        Instant signIn = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        drop(tmp.resolve("org/logs/cloudtrail/breakglass-login.json.gz"), signIn);
        kill(c);

        // 3. restarted: the use is judged and alerted; killed once its alert is recorded as delivered
        c = start(classpath, config);
        page = c.page();
        String started = "aws-root-breakglass/" + signIn;
        Set<String> delivered = awaitDelivered(page, started);
        deliveredBefore.add(delivered);
        readAt.add(count());
        kill(c);

        // 4. restarted once more: judged again, then stopped cleanly
        c = start(classpath, config);
        page = c.page();
        awaitJudged(page);
        Set<String> last = deliveredIds(page);
        deliveredBefore.add(last);
        readAt.add(count());
        child.destroy();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS) && child.exitValue() == 0, c.log());

        List<String[]> got;
        synchronized (received) {
            got = List.copyOf(received);
        }
        int first = -1;
        for (int i = 0; i < got.size(); i++) {
            if ("episode-started".equals(got.get(i)[1]) && started.equals(got.get(i)[2]) && first < 0) {
                first = i;
            }
        }
        assertTrue(first >= beforeDrop, "the use's alert arrived, after the drop: " + ids(got));
        for (int k = 0; k < deliveredBefore.size(); k++) {
            for (int i = readAt.get(k); i < got.size(); i++) {
                assertFalse(deliveredBefore.get(k).contains(got.get(i)[0]),
                        "alert " + got.get(i)[0] + " was delivered, recorded, and arrived again");
            }
        }
        assertTrue(last.containsAll(deliveredBefore.get(0)), "delivered stays delivered across a kill");
    }

    private int count() {
        synchronized (received) {
            return received.size();
        }
    }

    private static List<String> ids(List<String[]> got) {
        return got.stream().map(r -> r[0]).toList();
    }

    private Child start(String classpath, Path config) throws IOException {
        child = new ProcessBuilder(ChildJvm.command(classpath, List.of("-Xmx1g"),
                List.of("watch", "-c", config.toString(), "--listen", "127.0.0.1:0")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Child(child);
    }

    private void kill(Child c) throws InterruptedException {
        c.process.destroyForcibly();   // SIGKILL
        assertTrue(c.process.waitFor(30, TimeUnit.SECONDS));
    }

    /** One CloudTrail console sign-in of the AWS break-glass user, gzip-compressed, as CloudTrail delivers it. */
    private static void drop(Path file, Instant at) throws IOException {
        String event = "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDABG1\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/breakglass-admin\",\"accountId\":\"111122223333\","
                + "\"userName\":\"breakglass-admin\"},\"eventTime\":\"" + at + "\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"additionalEventData\":{\"MFAUsed\":\"Yes\"},"
                + "\"eventID\":\"" + UUID.randomUUID() + "\",\"eventType\":\"AwsConsoleSignIn\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
        }
        Path tmp = file.resolveSibling("." + file.getFileName());
        Files.write(tmp, gz.toByteArray());
        Files.move(tmp, file);   // lands whole, as an object store delivers it
    }

    /** Waits until the service has judged: the status page lists its sources. */
    private static void awaitJudged(String page) throws Exception {
        while (get(page + "api/sources").size() == 0) {
            Thread.sleep(500);
        }
    }

    private static Set<String> awaitDelivered(String page, String episode) throws Exception {
        while (true) {
            JsonNode alerts = get(page + "api/alerts");
            Set<String> delivered = deliveredIds(page);
            for (JsonNode a : alerts) {
                if ("episode-started".equals(a.path("kind").asText()) && episode.equals(a.path("episode").asText())
                        && delivered.contains(a.path("id").asText())) {
                    return delivered;
                }
            }
            Thread.sleep(500);
        }
    }

    private static Set<String> deliveredIds(String page) throws Exception {
        Set<String> out = new HashSet<>();
        get(page + "api/outbox").forEach(d -> {
            if ("delivered".equals(d.path("state").asText())) {
                out.add(d.path("alertId").asText());
            }
        });
        return out;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return JSON.readTree(r.body());
    }

    /** A started service and its stderr, read line by line. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuffer all = new StringBuffer();

        Child(Process process) {
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        all.append(l).append('\n');
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // killed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String await(String text) throws InterruptedException {
            while (true) {
                String line = lines.poll(5, TimeUnit.MINUTES);
                assertNotNull(line, "no line with '" + text + "' in: " + all);
                if (line.contains(text)) {
                    return line;
                }
            }
        }

        String page() throws InterruptedException {
            Matcher m = PAGE.matcher(await("sealwatch: watching"));
            assertTrue(m.find(), all.toString());
            return m.group(1);
        }

        String log() {
            return all.toString();
        }
    }
}
