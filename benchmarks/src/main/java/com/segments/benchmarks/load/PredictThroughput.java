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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Predictions per second and latency percentiles of {@code POST /api/v1/predict} against a running server: N
 * connections send one customer after another for a warm-up, then for the measured time. Any answer other than 200,
 * and any request whose connection broke, counts as a failure and is reported.
 *
 * <pre>java -cp benchmarks.jar com.segments.benchmarks.load.PredictThroughput BASE_URL CUSTOMER.json WARMUP_S SECONDS CONNECTIONS [API_KEY]</pre>
 *
 * With API_KEY every request sends it in {@code X-API-Key} (a server with {@code segments.api.require-key-for-reads}).
 * CUSTOMER.json may hold several customers, one JSON object a line: each connection then cycles through them (from its
 * own starting line), so that a rule whose cost depends on the customer is measured over many.
 */
public final class PredictThroughput {

    private PredictThroughput() {
    }

    public static void main(String[] args) throws Exception {
        URI predict = URI.create(args[0]).resolve("/api/v1/predict");
        List<String> customers = Files.readAllLines(Path.of(args[1])).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customer in " + args[1]);
        }
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String key = args.length > 5 && !args[5].isBlank() ? args[5] : null;
        List<HttpRequest> requests = customers.stream().map(customer -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(predict).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(customer));
            if (key != null) {
                builder.header("X-API-Key", key);
            }
            return builder.build();
        }).toList();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                int first = c * customers.size() / connections;
                results.add(clients.submit(() -> {
                    int next = first;
                    List<Long> latencies = new ArrayList<>();
                    long failures = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        HttpRequest request = requests.get(next);
                        next = next + 1 == requests.size() ? 0 : next + 1;
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1; // a broken connection is a failed request, not the end of the measurement
                        }
                        long received = System.nanoTime();
                        if (sent >= measureFrom) {
                            latencies.add(received - sent);
                            if (status != 200) {
                                failures++;
                            }
                        }
                    }
                    long[] out = new long[latencies.size() + 1];
                    out[0] = failures;
                    for (int i = 0; i < latencies.size(); i++) {
                        out[i + 1] = latencies.get(i);
                    }
                    return out;
                }));
            }
        }
        List<Long> all = new ArrayList<>();
        long failures = 0;
        for (Future<long[]> result : results) {
            long[] r = result.get();
            failures += r[0];
            for (int i = 1; i < r.length; i++) {
                all.add(r[i]);
            }
        }
        Collections.sort(all);
        System.out.printf(java.util.Locale.ROOT, "requests %d per_second %.1f p50_ms %.3f p99_ms %.3f failures %d%n",
                all.size(), all.size() / (double) seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                failures);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
