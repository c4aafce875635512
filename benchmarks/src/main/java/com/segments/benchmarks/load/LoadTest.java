package com.segments.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds N connections of predictions against a running server for a fixed time while a retrain runs and models are
 * activated and rolled back, then checks: no failed request, every response names a version, and no response sent
 * after an activation was confirmed comes from the version it replaced. Reports predict latency idle and while the
 * retrain trains. Talks only to the given local server; stops by itself.
 *
 * <pre>java -cp benchmarks.jar com.segments.benchmarks.load.LoadTest BASE_URL API_KEY CUSTOMER.json DATA.csv SECONDS</pre>
 */
public final class LoadTest {

    private static final Pattern VERSION = Pattern.compile("\"modelVersion\":(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern ACTIVE = Pattern.compile("\"active\":(\\d+)");

    private record Sample(long sentNanos, long receivedNanos, int status, int version) {
    }

    /** A confirmed switch: from this moment, requests must not be answered by {@code replaced}. */
    private record Switch(long confirmedNanos, int active, int replaced) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String apiKey = args[1];
        String customer = Files.readString(Path.of(args[2])).strip();
        String data = args[3];
        int seconds = Integer.parseInt(args[4]);
        int connections = 8;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                clients.submit(() -> {
                    while (running.get() && System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status;
                        int version = -1;
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/predict"))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(customer)).build(), HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            Matcher m = VERSION.matcher(response.body());
                            if (m.find()) {
                                version = Integer.parseInt(m.group(1));
                            }
                        } catch (Exception e) {
                            status = -1;
                        }
                        samples.add(new Sample(sent, System.nanoTime(), status, version));
                    }
                });
            }

            // The scenario, on this thread: idle, retrain, activate, activate, rollback.
            List<Switch> switches = new ArrayList<>();
            sleepUntil(start, seconds * 0.15);
            long trainingFrom = System.nanoTime();
            HttpResponse<String> job = send(http, base, "POST", "/api/v1/retrain",
                    "{\"data\": \"" + data + "\", \"parameters\": {\"k\": 6}, \"seed\": 3}", apiKey);
            System.out.println("retrain: " + job.statusCode() + " " + job.body());
            Matcher id = ID.matcher(job.body());
            String jobId = id.find() ? id.group(1) : null;
            String state = "QUEUED";
            while (jobId != null && !List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state) && System.nanoTime() < end) {
                Thread.sleep(100);
                Matcher s = STATE.matcher(send(http, base, "GET", "/api/v1/jobs/" + jobId, null, null).body());
                state = s.find() ? s.group(1) : state;
            }
            long trainingTo = System.nanoTime();
            System.out.printf("retrain job %s ended %s after %.1f s%n", jobId, state, (trainingTo - trainingFrom) / 1e9);

            for (String[] step : new String[][] {{"0.45", "/api/v1/models/1/activate"}, {"0.6", "/api/v1/models/2/activate"},
                    {"0.75", "/api/v1/models/rollback"}}) {
                sleepUntil(start, seconds * Double.parseDouble(step[0]));
                int before = currentVersion(http, base, customer);
                HttpResponse<String> response = send(http, base, "POST", step[1], "", apiKey);
                long confirmed = System.nanoTime();
                Matcher a = ACTIVE.matcher(response.body());
                int now = a.find() ? Integer.parseInt(a.group(1)) : -1;
                System.out.printf("%s -> %d %s%n", step[1], response.statusCode(), response.body());
                if (before != now) {
                    switches.add(new Switch(confirmed, now, before));
                }
            }
            sleepUntil(start, seconds);
            running.set(false);
            clients.shutdown();
            while (!clients.isTerminated()) {
                Thread.sleep(50);
            }
            report(samples, switches, start, trainingFrom, trainingTo);
        }
    }

    private static void report(ConcurrentLinkedQueue<Sample> all, List<Switch> switches, long start, long trainingFrom,
                               long trainingTo) {
        List<Sample> samples = new ArrayList<>(all);
        long failed = samples.stream().filter(s -> s.status() != 200).count();
        long unnamed = samples.stream().filter(s -> s.status() == 200 && s.version() < 1).count();
        long stale = 0;
        for (int i = 0; i < switches.size(); i++) {
            Switch sw = switches.get(i);
            long until = i + 1 < switches.size() ? switches.get(i + 1).confirmedNanos() - Duration.ofSeconds(1).toNanos() : Long.MAX_VALUE;
            stale += samples.stream().filter(s -> s.sentNanos() > sw.confirmedNanos() && s.sentNanos() < until
                    && s.version() == sw.replaced()).count();
        }
        List<Long> idle = latencies(samples, start, trainingFrom);
        List<Long> training = latencies(samples, trainingFrom, trainingTo);
        double idleP50 = percentile(idle, 0.5);
        double trainingP50 = percentile(training, 0.5);
        System.out.printf("requests %d over %.0f s (%.0f/s), failed %d, without a version %d, answered by a replaced version after "
                        + "its replacement was confirmed %d%n", samples.size(),
                (samples.stream().mapToLong(Sample::receivedNanos).max().orElse(start) - start) / 1e9,
                samples.size() / ((samples.stream().mapToLong(Sample::receivedNanos).max().orElse(start) - start) / 1e9),
                failed, unnamed, stale);
        System.out.printf("predict latency idle: p50 %.2f ms, p99 %.2f ms (%d requests); while training: p50 %.2f ms, p99 %.2f ms "
                        + "(%d requests); ratio p50 %.2f, p99 %.2f%n", idleP50, percentile(idle, 0.99), idle.size(), trainingP50,
                percentile(training, 0.99), training.size(), trainingP50 / idleP50,
                percentile(training, 0.99) / percentile(idle, 0.99));
        boolean ok = failed == 0 && unnamed == 0 && stale == 0;
        System.out.println(ok ? "LOAD TEST PASSED" : "LOAD TEST FAILED");
        if (!ok) {
            System.exit(1);
        }
    }

    private static List<Long> latencies(List<Sample> samples, long from, long to) {
        List<Long> latencies = new ArrayList<>();
        samples.stream().filter(s -> s.sentNanos() >= from && s.receivedNanos() <= to && s.status() == 200)
                .forEach(s -> latencies.add(s.receivedNanos() - s.sentNanos()));
        Collections.sort(latencies);
        return latencies;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static int currentVersion(HttpClient http, URI base, String customer) throws Exception {
        Matcher m = VERSION.matcher(send(http, base, "POST", "/api/v1/predict", customer, null).body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleepUntil(long start, double secondsAfterStart) throws InterruptedException {
        long wait = start + (long) (secondsAfterStart * 1e9) - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
    }
}
