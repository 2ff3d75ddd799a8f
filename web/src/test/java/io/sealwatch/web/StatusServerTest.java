package io.sealwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.reports.json.EpisodesJsonRenderer;
import io.sealwatch.reports.json.FindingsJsonRenderer;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on loopback, through the JDK's HTTP client. */
class StatusServerTest {

    private static final String TOKEN = "7f3a-correct-horse";
    private static final String PLANT = WebFixtures.SCRIPT + " \" ' & " + WebFixtures.IMG;
    private static final List<String> PATHS = List.of("/", "/api/episodes", "/api/findings", "/api/alerts", "/api/outbox",
            "/api/sources", "/metrics", "/healthz", "/static/status.css", "/static/status.js");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StatusServer start(String token, StatusView view) {
        return StatusServer.start("127.0.0.1", 0, token, view, new PrometheusRegistry());
    }

    private static StatusView plantedView() {
        RunResult r = WebFixtures.result(PLANT, PLANT);
        return () -> WebFixtures.snapshot(r, PLANT);
    }

    private static HttpResponse<byte[]> send(StatusServer server, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        String where = r.request().method() + " " + r.uri().getPath() + " → " + r.statusCode();
        assertEquals(List.of(StatusServer.CSP), r.headers().allValues("Content-Security-Policy"), where);
        assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"), where);
        assertEquals(List.of("no-referrer"), r.headers().allValues("Referrer-Policy"), where);
        assertTrue(r.headers().firstValue("Server").isEmpty(), where + ": no server banner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.10", ""})
    void refusesToListenOffLoopbackWithoutAToken(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusServer.start(host, 0, " ", plantedView(), new PrometheusRegistry()));
        assertTrue(e.getMessage().contains("not a loopback address, without a bearer token"), e.getMessage());
    }

    @Test
    void offLoopbackEveryRequestNeedsTheToken() throws Exception {
        try (StatusServer server = StatusServer.start("0.0.0.0", 0, TOKEN, plantedView(), new PrometheusRegistry())) {
            for (String path : PATHS) {
                HttpResponse<byte[]> none = send(server, "GET", path);
                assertEquals(401, none.statusCode(), path);
                assertEquals("Bearer realm=\"sealwatch\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
                assertSecurityHeaders(none);
                assertFalse(body(none).contains("pwned"), "a 401 shows nothing of the status");
                assertEquals(401, send(server, "GET", path, "Authorization", "Bearer " + TOKEN + "x").statusCode());
                assertEquals(401, send(server, "GET", path, "Authorization", "Basic " + TOKEN).statusCode());
                assertEquals(200, send(server, "GET", path, "Authorization", "Bearer " + TOKEN).statusCode(), path);
            }
            assertEquals(200, send(server, "GET", "/healthz", "Authorization", "bearer " + TOKEN).statusCode(),
                    "the scheme is case-insensitive");
            assertEquals(401, send(server, "POST", "/", "Authorization", "Bearer wrong").statusCode(),
                    "the token is checked before anything else");
        }
    }

    /** One request over a plain socket, so that the Host header can be anyone's; the status line comes back. */
    private static String statusLine(StatusServer server, String hostHeader) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/episodes HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void withoutATokenOnlyLoopbackNamesAreAnswered() throws Exception {
        try (StatusServer server = start(null, plantedView())) {
            for (String host : List.of("localhost:" + server.port(), "127.0.0.1", "127.0.0.2:80", "[::1]:" + server.port())) {
                assertEquals("HTTP/1.1 200 OK", statusLine(server, host), host);
            }
            for (String host : List.of("rebind.attacker.example:" + server.port(), "localhost.attacker.example",
                    "127.0.0.1.nip.io")) {
                assertEquals("HTTP/1.1 403 Forbidden", statusLine(server, host), "DNS rebinding through " + host);
            }
        }
        try (StatusServer withToken = start(TOKEN, plantedView())) {
            assertEquals("HTTP/1.1 401 Unauthorized", statusLine(withToken, "status.example.org"),
                    "with a token any name may be used, and the token decides");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        try (StatusServer server = start(null, plantedView())) {
            List<HttpResponse<byte[]>> responses = new ArrayList<>();
            for (String path : PATHS) {
                responses.add(send(server, "GET", path));
            }
            responses.add(send(server, "GET", "/no-such-page"));
            responses.add(send(server, "POST", "/api/findings"));
            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 405),
                    responses.stream().map(HttpResponse::statusCode).toList());
            responses.forEach(StatusServerTest::assertSecurityHeaders);
        }
        try (StatusServer failing = start(null, () -> {
            throw new IllegalStateException("state unreadable");
        })) {
            HttpResponse<byte[]> page = send(failing, "GET", "/");
            assertEquals(500, page.statusCode());
            assertSecurityHeaders(page);
            HttpResponse<byte[]> health = send(failing, "GET", "/healthz");
            assertEquals(503, health.statusCode());
            assertSecurityHeaders(health);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void readOnly(String method) throws Exception {
        try (StatusServer server = start(null, plantedView())) {
            for (String path : List.of("/", "/api/episodes", "/healthz", "/no-such-page")) {
                HttpResponse<byte[]> r = send(server, method, path);
                assertEquals(405, r.statusCode(), method + " " + path);
                assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
            }
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        try (StatusServer server = start(null, plantedView())) {
            HttpResponse<byte[]> head = send(server, "HEAD", "/api/episodes");
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        }
    }

    @Test
    void episodesAndFindingsAreTheBundlesBytesWithLogStringsVerbatim() throws Exception {
        RunResult result = WebFixtures.result(PLANT, PLANT);
        try (StatusServer server = start(null, () -> WebFixtures.snapshot(result, PLANT))) {
            HttpResponse<byte[]> episodes = send(server, "GET", "/api/episodes");
            assertTrue(episodes.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertArrayEquals(EpisodesJsonRenderer.bytes(result), episodes.body());
            HttpResponse<byte[]> findings = send(server, "GET", "/api/findings");
            assertArrayEquals(FindingsJsonRenderer.bytes(result), findings.body());

            JsonNode e = JSON.readTree(episodes.body());
            assertEquals(2, e.size());
            assertEquals(PLANT, e.get(1).get("actors").get(0).asText(), "episodes by start: the ongoing one last");
            assertEquals("ongoing", e.get(1).get("state").asText());
            assertEquals("1 of 2 custodians for " + PLANT, JSON.readTree(findings.body()).get(0).get("message").asText());
            for (HttpResponse<byte[]> r : List.of(episodes, findings)) {
                assertFalse(body(r).contains("<"), "markup characters are escaped in JSON (\\u003C)");
            }
        }
    }

    @Test
    void alertsAndSourcesCarryLogStringsVerbatim() throws Exception {
        try (StatusServer server = start(null, plantedView())) {
            JsonNode alerts = JSON.readTree(send(server, "GET", "/api/alerts").body());
            JsonNode alert = alerts.get(0);
            assertEquals(List.of("id", "kind", "severity", "account", "episode", "rule", "at", "detectedAt", "message", "url"),
                    fieldNames(alert));
            assertEquals("break-glass use by " + PLANT, alert.get("message").asText());
            assertEquals(WebFixtures.EPISODE, alert.get("episode").asText());
            assertTrue(alert.get("rule").isNull());
            JsonNode delivery = JSON.readTree(send(server, "GET", "/api/outbox").body()).get(0);
            assertEquals("HTTP 502 from " + PLANT, delivery.get("lastError").asText());
            assertEquals(2, delivery.get("attempts").asInt());
            assertEquals(WebFixtures.NOW.plusSeconds(120).toString(), delivery.get("nextAttempt").asText());

            HttpResponse<byte[]> sourcesResponse = send(server, "GET", "/api/sources");
            JsonNode source = JSON.readTree(sourcesResponse.body()).get(0);
            assertEquals("logs/ct/" + PLANT + ".json", source.get("path").asText());
            assertEquals("cannot read " + PLANT, source.get("lastError").asText());
            assertEquals(90, source.get("lagSeconds").asLong());
            assertEquals(3400, source.get("records").asLong());
            assertFalse(body(sourcesResponse).contains("<"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void beforeTheFirstJudgementTheApiIsEmptyAndThePageSaysSo() throws Exception {
        StatusSnapshot nothing = new StatusSnapshot(null, WebFixtures.NOW, null, List.of(), List.of(), List.of(), true, null);
        try (StatusServer server = start(null, () -> nothing)) {
            assertEquals(0, JSON.readTree(send(server, "GET", "/api/episodes").body()).size());
            assertEquals(0, JSON.readTree(send(server, "GET", "/api/findings").body()).size());
            assertTrue(body(send(server, "GET", "/")).contains("Nothing judged yet"));
        }
    }

    @Test
    void healthzIsOkOr503WithTheProblem() throws Exception {
        RunResult result = WebFixtures.result();
        StatusSnapshot sick = new StatusSnapshot(result, WebFixtures.NOW, WebFixtures.NOW, List.of(), List.of(), List.of(),
                false, "the state folder /var/lib/sealwatch cannot be written");
        try (StatusServer ok = start(null, () -> WebFixtures.snapshot(result, "x"));
             StatusServer notOk = start(null, () -> sick)) {
            HttpResponse<byte[]> good = send(ok, "GET", "/healthz");
            assertEquals(200, good.statusCode());
            assertEquals("ok\n", body(good));
            HttpResponse<byte[]> bad = send(notOk, "GET", "/healthz");
            assertEquals(503, bad.statusCode());
            assertEquals("the state folder /var/lib/sealwatch cannot be written\n", body(bad));
        }
    }

    /** {@code name{label="value",...} number}: the text format's sample line, label values with \\ \" \n escapes. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern COMMENT = Pattern.compile("# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* "
            + "(counter|gauge|histogram|summary|untyped))");

    @Test
    void metricsAreValidPrometheusTextWithTheRegistrysMetricsAndTheRequests() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter files = Counter.builder().name("sealwatch_files_read").help("files read").labelNames("source")
                .register(registry);
        files.labelValues("vault \"audit\"\nlog").inc(3);
        try (StatusServer server = StatusServer.start("127.0.0.1", 0, null, plantedView(), registry)) {
            assertEquals(200, send(server, "GET", "/healthz").statusCode());
            assertEquals(404, send(server, "GET", "/" + PLANT.replaceAll("[^a-z]", "")).statusCode());
            HttpResponse<byte[]> r = send(server, "GET", "/metrics");
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            List<String> lines = body(r).lines().toList();
            for (String line : lines) {
                assertTrue(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches(), "not Prometheus text: " + line);
            }
            assertTrue(lines.contains("sealwatch_files_read_total{source=\"vault \\\"audit\\\"\\nlog\"} 3.0"), body(r));
            assertTrue(lines.contains("sealwatch_http_requests_total{code=\"200\",path=\"/healthz\"} 1.0"), body(r));
            assertTrue(lines.contains("sealwatch_http_requests_total{code=\"404\",path=\"other\"} 1.0"),
                    "unknown paths share one label value: " + body(r));
        }
        try (StatusServer again = StatusServer.start("127.0.0.1", 0, TOKEN, plantedView(), registry)) {
            assertEquals(401, send(again, "GET", "/").statusCode());
            assertEquals(405, send(again, "DELETE", "/api/alerts", "Authorization", "Bearer " + TOKEN).statusCode());
            List<String> lines = body(send(again, "GET", "/metrics", "Authorization", "Bearer " + TOKEN)).lines().toList();
            assertTrue(lines.contains("sealwatch_http_requests_total{code=\"401\",path=\"/\"} 1.0"),
                    "refused requests are counted too, and close() gave the counter back for a new server: " + lines);
            assertTrue(lines.contains("sealwatch_http_requests_total{code=\"405\",path=\"/api/alerts\"} 1.0"), lines::toString);
        }
    }
}
