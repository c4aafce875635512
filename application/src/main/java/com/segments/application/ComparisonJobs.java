package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Comparisons of algorithms ({@link CompareAlgorithms}) on a file of the server's data directory, run in the
 * background like retraining: a request is answered at once with a job to follow. A comparison stores nothing, so
 * its jobs and results are kept in memory only, the most recent {@link #KEPT} of them.
 */
public final class ComparisonJobs implements AutoCloseable {

    static final int KEPT = 20;

    private final CompareAlgorithms compare;
    private final AlgorithmCatalog catalog;
    private final Clock clock;
    private final Path dataRoot;
    private final ThreadPoolExecutor workers;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, AtomicBoolean> cancels = new LinkedHashMap<>();

    /**
     * @param dataRoot files must lie under it (a request names a file, and a server must not read whatever it is sent)
     * @param workers  the bounded pool comparisons run on, made by the composition root
     */
    public ComparisonJobs(CompareAlgorithms compare, AlgorithmCatalog catalog, Clock clock, Path dataRoot,
                          ThreadPoolExecutor workers) {
        this.compare = compare;
        this.catalog = catalog;
        this.clock = clock;
        this.dataRoot = realPath(dataRoot);
        this.workers = workers;
    }

    /**
     * What to compare, as the CLI's {@code segments compare} takes it.
     *
     * @param data             a CSV customer table, relative to the data directory
     * @param algorithms       plugin ids; those that take k are tried for every k of the range, HDBSCAN for every size
     * @param minClusterSizes  HDBSCAN minimum cluster sizes
     * @param bootstrap        refits per configuration for stability, 0 to skip
     */
    public record Request(String data, List<String> algorithms, int kFrom, int kTo, List<Integer> minClusterSizes,
                         int bootstrap, long seed) {
        public Request {
            if (data == null || data.isBlank()) {
                throw new SegmentsException("say which file to compare on: \"data\" is missing");
            }
            algorithms = algorithms == null || algorithms.isEmpty() ? List.of("kmeans") : List.copyOf(algorithms);
            minClusterSizes = minClusterSizes == null || minClusterSizes.isEmpty() ? List.of(50) : List.copyOf(minClusterSizes);
            if (kFrom < 2 || kTo < kFrom || kTo > 30) {
                throw new SegmentsException("k must run from 2 to at most 30, FROM <= TO; got " + kFrom + " to " + kTo);
            }
            if (minClusterSizes.stream().anyMatch(size -> size < 2)) {
                throw new SegmentsException("minimum cluster sizes must be at least 2, got " + minClusterSizes);
            }
            if (bootstrap < 0 || bootstrap > 100) {
                throw new SegmentsException("bootstrap refits must be between 0 and 100, got " + bootstrap);
            }
        }
    }

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /**
     * @param source     the file's name inside the data directory
     * @param progress   0 to 1
     * @param stage      what is being fitted now
     * @param comparison the result, once SUCCEEDED
     */
    public record Job(String id, String source, State state, double progress, String stage, Instant createdAt,
                      Instant finishedAt, String error, CompareAlgorithms.Comparison comparison) {

        public boolean finished() {
            return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
        }

        Job with(State newState, double newProgress, String newStage) {
            return new Job(id, source, newState, newProgress, newStage, createdAt, finishedAt, error, comparison);
        }

        Job ended(State newState, Instant at, String reason, CompareAlgorithms.Comparison result) {
            return new Job(id, source, newState, newState == State.SUCCEEDED ? 1 : progress,
                    newState == State.SUCCEEDED ? "done" : stage, createdAt, at, reason, result);
        }
    }

    /** No comparison has that id (they are kept in memory only, so a restart forgets them). */
    public static final class UnknownComparison extends SegmentsException {
        UnknownComparison(String id) {
            super("no comparison has the id '" + id + "' (comparisons are kept until the server stops)");
        }
    }

    public synchronized Job submit(Request request) {
        Path file = resolve(request.data());
        CompareAlgorithms.Command command = new CompareAlgorithms.Command(file, null, candidates(request),
                request.bootstrap(), 3000, request.seed());
        Job job = new Job(UUID.randomUUID().toString(), dataRoot.relativize(file).toString(), State.QUEUED, 0, "queued",
                clock.instant(), null, null, null);
        AtomicBoolean cancelled = new AtomicBoolean();
        keep(job, cancelled); // before it can start: the worker updates what is kept
        try {
            workers.execute(() -> run(job.id(), command, cancelled));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id());
            cancels.remove(job.id());
            throw new SegmentsException("the comparison queue is full; try again when a comparison has finished");
        }
        return job;
    }

    public synchronized Job find(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new UnknownComparison(id);
        }
        return job;
    }

    /** Newest first. */
    public synchronized List<Job> recent() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(Job::createdAt).reversed());
        return all;
    }

    /** A queued comparison never starts; a running one stops before its next configuration or refit. */
    public synchronized Job cancel(String id) {
        Job job = find(id);
        if (!job.finished()) {
            cancels.get(id).set(true);
        }
        return job;
    }

    private synchronized void keep(Job job, AtomicBoolean cancelled) {
        jobs.put(job.id(), job);
        cancels.put(job.id(), cancelled);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            jobs.remove(oldest);
            cancels.remove(oldest);
        }
    }

    private synchronized void update(String id, java.util.function.UnaryOperator<Job> change) {
        Job job = jobs.get(id);
        if (job != null) {
            jobs.put(id, change.apply(job));
        }
    }

    private void run(String id, CompareAlgorithms.Command command, AtomicBoolean cancelled) {
        if (cancelled.get()) {
            update(id, job -> job.ended(State.CANCELLED, clock.instant(), "cancelled before it started", null));
            return;
        }
        update(id, job -> job.with(State.RUNNING, 0, "reading the data"));
        try {
            CompareAlgorithms.Comparison result = compare.compare(command, (done, total, working) ->
                    update(id, job -> job.with(State.RUNNING, total == 0 ? 0 : (double) done / total, working)),
                    cancelled::get);
            update(id, job -> job.ended(State.SUCCEEDED, clock.instant(), null, result));
        } catch (CompareAlgorithms.Cancelled e) {
            update(id, job -> job.ended(State.CANCELLED, clock.instant(), e.getMessage(), null));
        } catch (SegmentsException e) {
            update(id, job -> job.ended(State.FAILED, clock.instant(), e.getMessage(), null));
        } catch (RuntimeException e) {
            update(id, job -> job.ended(State.FAILED, clock.instant(), "unexpected failure; the server log has the details",
                    null));
            throw e;
        }
    }

    /** Every configuration the request names, as {@code segments compare} builds them. */
    List<CompareAlgorithms.Candidate> candidates(Request request) {
        List<CompareAlgorithms.Candidate> candidates = new ArrayList<>();
        for (String id : request.algorithms()) {
            AlgorithmDescriptor descriptor = catalog.require(id.strip()).descriptor();
            if (descriptor.parameters().stream().anyMatch(p -> p.name().equals("k"))) {
                for (int k = request.kFrom(); k <= request.kTo(); k++) {
                    candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of("k", k)));
                }
            } else if (descriptor.parameters().stream().anyMatch(p -> p.name().equals("minClusterSize"))) {
                for (int size : request.minClusterSizes()) {
                    candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of("minClusterSize", size)));
                }
            } else {
                candidates.add(new CompareAlgorithms.Candidate(descriptor.id(), Map.of()));
            }
        }
        return candidates;
    }

    /** The file, inside the data directory; messages name it as the request did, never the server's own paths. */
    private Path resolve(String data) {
        Path file = Path.of(data.strip());
        Path absolute = (file.isAbsolute() ? file : dataRoot.resolve(file)).normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new SegmentsException(data + ": no such file in the server's data directory");
        }
        Path real = realPath(absolute);
        if (!real.startsWith(dataRoot)) {
            throw new SegmentsException(data + " is outside the server's data directory (SEGMENTS_DATA_DIR sets it)");
        }
        return real;
    }

    private static Path realPath(Path path) {
        try {
            return Objects.requireNonNull(path).toRealPath();
        } catch (IOException e) {
            throw new SegmentsException("the data directory cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** Stops the workers: running comparisons are interrupted and forgotten with the server. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
