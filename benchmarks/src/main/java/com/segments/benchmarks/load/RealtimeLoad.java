package com.segments.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16's load: CONNECTIONS clients (each its own HTTP connection) post one transaction at a time to
 * {@code POST /api/v1/transactions} for SECONDS, for customers drawn from CUSTOMERS ids ({@code C0000001} ...), each
 * client sending one transaction in twenty twice (a retry with the same id, which must count once). Prints
 * throughput, p50 / p99 latency, failures and how many retries were answered as duplicates. Stops by itself; a
 * client whose server dies (the kill -9 run) stops at its first failed connection.
 *
 * <pre>java -cp benchmarks.jar com.segments.benchmarks.load.RealtimeLoad BASE_URL API_KEY CUSTOMERS SECONDS [CONNECTIONS] [RUN]</pre>
 */
public final class RealtimeLoad {

    private static final String[] CATEGORIES = {"Utilities", "Groceries", "Transport", "Shopping", "Dining", "Other"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/transactions");
        String apiKey = args[1];
        int customers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        String run = args.length > 5 ? args[5] : Long.toString(System.currentTimeMillis(), 36);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong failures = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    SplittableRandom random = new SplittableRandom(client * 7919L + run.hashCode());
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    for (long i = 0; System.nanoTime() < end; i++) {
                        String body = body(run + "-" + client + "-" + i, random, customers);
                        boolean retry = random.nextInt(20) == 0;
                        for (int attempt = 0; attempt < (retry ? 2 : 1); attempt++) {
                            long sent = System.nanoTime();
                            HttpResponse<String> response;
                            try {
                                response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                        .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                            } catch (java.io.IOException e) {
                                failures.incrementAndGet();
                                return Arrays.copyOf(samples, n); // the server is gone (the kill -9 run)
                            }
                            if (n == samples.length) {
                                samples = Arrays.copyOf(samples, n * 2);
                            }
                            samples[n++] = System.nanoTime() - sent;
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            } else if (attempt == 1) {
                                retries.incrementAndGet();
                                if (response.body().contains("\"duplicate\":true")) {
                                    duplicates.incrementAndGet();
                                }
                            }
                        }
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
            for (Future<long[]> f : futures) {
                latencies.add(f.get());
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "requests %d in %.1f s over %d connections: %.0f per second%n", all.length,
                elapsed, connections, all.length / elapsed);
        if (all.length > 0) {
            System.out.printf(Locale.ROOT, "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", all[all.length / 2] / 1e6,
                    all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1e6, all[all.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "failed %d; retries %d, answered as duplicates %d%n", failures.get(),
                retries.get(), duplicates.get());
    }

    private static String body(String id, SplittableRandom random, int customers) {
        String customer = String.format(Locale.ROOT, "C%07d", 1 + random.nextInt(customers));
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60));
        double amount = Math.round((5 + random.nextDouble() * 150) * 100) / 100.0;
        return "{\"transaction_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"date\":\"" + day
                + "\",\"amount\":" + amount + ",\"category\":\"" + CATEGORIES[random.nextInt(CATEGORIES.length)]
                + "\",\"bank\":\"Bank A\",\"location\":\"Lisbon\"}";
    }
}
