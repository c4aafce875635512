package com.segments.application;

import com.segments.domain.cluster.FitCancelledException;
import com.segments.domain.SegmentsException;
import com.segments.domain.TextLimits;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.job.JobRepository;
import com.segments.domain.job.JobState;
import com.segments.domain.job.TrainingJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Training in the background: a request becomes a persisted job run by a bounded pool of low-priority workers,
 * never by the thread that asked. At most one job per data source is queued or running. A job's model is stored
 * only when it succeeds; a cancelled or failed job leaves no version behind. When a server starts, jobs an earlier
 * process left queued or running are marked FAILED ("interrupted"), since nothing can still be running them.
 */
public final class RetrainModel implements AutoCloseable {

    private final JobRepository jobs;
    private final TrainModel trainModel;
    private final Clock clock;
    private final Path dataRoot;
    private final ThreadPoolExecutor workers;
    private final Duration maxDuration;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * A job this process runs. {@code stopped} is why it must stop (a cancel, or its time ran out), read by the fit
     * between iterations; {@code deadline} is when the maximum duration ends, counted from submission.
     */
    private record Running(AtomicReference<String> stopped, Future<?> future, Instant deadline) {
        boolean cancelled() {
            return stopped.get() != null;
        }
    }

    /** The default of {@code segments.jobs.max-duration}. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(2);

    /**
     * @param dataRoot training data must lie under this directory (requests name files, and a server must not
     *                 read whatever path it is sent)
     * @param workers  the bounded pool jobs run on (made by the composition root): its threads run jobs at once,
     *                 its queue holds those that wait, and a full queue refuses a request
     */
    public RetrainModel(JobRepository jobs, TrainModel trainModel, Clock clock, Path dataRoot,
                        ThreadPoolExecutor workers) {
        this(jobs, trainModel, clock, dataRoot, workers, DEFAULT_MAX_DURATION);
    }

    /**
     * @param maxDuration how long a job may take from its submission, queue included; then it is cancelled, and
     *                    a job of this or another process still unfinished after it no longer blocks its data
     */
    public RetrainModel(JobRepository jobs, TrainModel trainModel, Clock clock, Path dataRoot,
                        ThreadPoolExecutor workers, Duration maxDuration) {
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("segments.jobs.max-duration must be positive, got " + maxDuration);
        }
        this.maxDuration = maxDuration;
        this.jobs = jobs;
        this.trainModel = trainModel;
        this.clock = clock;
        this.dataRoot = realPath(dataRoot);
        this.workers = workers;
    }

    /** What to train on and how. */
    /**
     * @param data         the file, relative to the data directory (or absolute inside it)
     * @param features     a feature spec file under the data directory, or null to infer
     * @param transactions whether the file is a transaction log to aggregate per customer
     * @param triggeredBy  what asked for it, stored with the version it makes (null: a request to the API)
     */
    public record Command(String data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed,
                          String features, boolean transactions, String triggeredBy) {

        public Command(String data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed) {
            this(data, delimiter, algorithm, parameters, seed, null, false, null);
        }

        public Command(String data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed,
                       String features, boolean transactions) {
            this(data, delimiter, algorithm, parameters, seed, features, transactions, null);
        }

        public Command {
            if (data == null || data.isBlank()) {
                throw new FieldValidationException("data", "say which file to train on: it is missing");
            }
            TextLimits.line("data", data, TextLimits.FILE_NAME);
            TextLimits.line("features", features, TextLimits.FILE_NAME);
            TextLimits.line("algorithm", algorithm, TextLimits.ID);
            algorithm = algorithm == null || algorithm.isBlank() ? TrainModel.Command.DEFAULT_ALGORITHM : algorithm;
            if (parameters != null) {
                for (Map.Entry<String, Integer> p : parameters.entrySet()) {
                    TextLimits.line("parameters", p.getKey(), TextLimits.ID);
                    if (p.getValue() == null) {
                        throw new FieldValidationException("parameters." + TextLimits.echo(p.getKey()),
                                "must be a whole number; leave the parameter out for its default");
                    }
                }
            }
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    /** A job for the same data source is already queued or running. */
    public static final class Conflict extends SegmentsException {
        private final TrainingJob job;

        Conflict(TrainingJob job) {
            super("job " + job.id() + " is already " + job.state().name().toLowerCase() + " on " + job.source()
                    + "; wait for it or cancel it: DELETE /api/v1/jobs/" + job.id());
            this.job = job;
        }

        public TrainingJob job() {
            return job;
        }
    }

    /** The queue is full. */
    public static final class Busy extends SegmentsException {
        Busy(int waiting) {
            super("the training queue is full (" + waiting + " jobs waiting); try again later");
        }
    }

    /** No job has that id. */
    public static final class UnknownJob extends SegmentsException {
        UnknownJob(String id) {
            super("no training job has the id '" + id + "'; list them with GET /api/v1/jobs or 'segments jobs'");
        }
    }

    /**
     * Checks the request completely (the files exist inside the data directory, the algorithm and its parameters,
     * the feature spec and its formulas), then queues it.
     *
     * @throws SegmentsException naming what is wrong, before any job exists
     */
    public synchronized TrainingJob submit(Command command) {
        Path file = resolve("data", command.data());
        Path spec = command.features() == null ? null : resolve("features", command.features());
        trainModel.check(new TrainModel.Command(input(command, file, spec), command.algorithm(), command.parameters(),
                command.seed(), "api"));
        String source = file.toString();
        expireOverdue();
        Optional<TrainingJob> unfinished = jobs.unfinishedFor(source);
        if (unfinished.isPresent() && !abandoned(unfinished.get())) {
            throw new Conflict(unfinished.get());
        }
        TrainingJob job = new TrainingJob(UUID.randomUUID().toString(), source, command.algorithm(),
                command.parameters(), command.seed(), JobState.QUEUED, 0, "queued", clock.instant(), null, null, null, null);
        jobs.save(job);
        AtomicReference<String> stopped = new AtomicReference<>();
        Instant deadline = job.createdAt().plus(maxDuration);
        try {
            Future<?> future = workers.submit(() -> run(job, file, spec, command, stopped, deadline));
            running.put(job.id(), new Running(stopped, future, deadline));
        } catch (RejectedExecutionException e) {
            jobs.save(job.ended(JobState.FAILED, "refused: the training queue was full", clock.instant()));
            throw new Busy(workers.getQueue().size());
        }
        return job;
    }

    public TrainingJob find(String id) {
        expireOverdue();
        return jobs.find(id).orElseThrow(() -> new UnknownJob(id));
    }

    public List<TrainingJob> recent(int limit) {
        expireOverdue();
        return jobs.recent(limit);
    }

    /**
     * Cancels every job of this process past its maximum duration, and records it CANCELLED at once, so that its
     * data is free again even while its worker has not yet reached a point where it can stop. The doors call this
     * when they read jobs; the composition root also calls it periodically.
     *
     * @return how many jobs it cancelled
     */
    public int expireOverdue() {
        Instant now = clock.instant();
        int expired = 0;
        for (Map.Entry<String, Running> entry : running.entrySet()) {
            Running run = entry.getValue();
            if (now.isAfter(run.deadline()) && run.stopped().compareAndSet(null, overdueReason())) {
                run.future().cancel(true);
                jobs.find(entry.getKey()).filter(job -> !job.state().finished()).ifPresent(job ->
                        jobs.save(job.ended(JobState.CANCELLED, overdueReason(), now)));
                expired++;
            }
        }
        return expired;
    }

    private String overdueReason() {
        return "cancelled: it ran longer than the maximum duration of " + maxDuration.toString().substring(2)
                .toLowerCase() + " (segments.jobs.max-duration)";
    }

    /**
     * Whether an unfinished job no longer holds its data: this process's worker for it has ended (its final state
     * could not be saved), or nothing in this process runs it and it is older than the maximum duration (another
     * process that ran it stopped, or keeps a stuck job). Such a job is marked FAILED with why.
     */
    private boolean abandoned(TrainingJob job) {
        Running run = running.get(job.id());
        Instant now = clock.instant();
        String reason;
        if (run != null && run.future().isDone()) {
            reason = "abandoned: its worker ended without recording how";
        } else if (run == null && job.createdAt().plus(maxDuration).isBefore(now)) {
            reason = "abandoned: unfinished after the maximum duration of " + maxDuration.toString().substring(2)
                    .toLowerCase() + " (segments.jobs.max-duration)";
        } else {
            return false;
        }
        jobs.save(job.ended(JobState.FAILED, reason, now));
        running.remove(job.id());
        return true;
    }

    /** Asks a job to stop; a finished job is returned as it is. */
    public TrainingJob cancel(String id) {
        TrainingJob job = find(id);
        Running run = running.get(id);
        if (job.state().finished() || run == null) {
            return job;
        }
        run.stopped().compareAndSet(null, "cancelled");
        if (job.state() == JobState.QUEUED && run.future().cancel(false)) {
            TrainingJob cancelled = job.ended(JobState.CANCELLED, "cancelled before it started", clock.instant());
            jobs.save(cancelled);
            running.remove(id);
            return cancelled;
        }
        run.future().cancel(true);
        // Recorded now, not when the worker next looks: a fit that checks late must not hold the data meanwhile.
        TrainingJob current = find(id);
        if (!current.state().finished()) {
            current = current.ended(JobState.CANCELLED, "cancelled", clock.instant());
            jobs.save(current);
        }
        return current;
    }

    /**
     * Marks jobs left unfinished by an earlier process FAILED, and the versions they were training; returns how many
     * jobs.
     */
    public int recoverInterrupted() {
        trainModel.failUnfinished("interrupted: the process stopped while this version was training");
        return jobs.failUnfinished("interrupted: the server stopped while this job was queued or running", clock.instant());
    }

    private void run(TrainingJob queued, Path file, Path spec, Command command, AtomicReference<String> stopped,
                     Instant deadline) {
        TrainingJob[] job = {queued.running(clock.instant())};
        // polled between iterations: a cancel, or the maximum duration running out while nobody asks
        BooleanSupplier cancelled = () -> {
            if (stopped.get() == null && clock.instant().isAfter(deadline)) {
                stopped.compareAndSet(null, overdueReason());
            }
            return stopped.get() != null;
        };
        try {
            jobs.save(job[0]);
            DataInput input = input(command, file, spec);
            TrainingReport report = trainModel.train(new TrainModel.Command(input, command.algorithm(),
                    command.parameters(), command.seed(), command.triggeredBy() == null ? "api job " + queued.id()
                    : command.triggeredBy() + " (job " + queued.id() + ")"), (fraction, stage) -> {
                        job[0] = job[0].progressed(fraction, stage);
                        if (stopped.get() == null) { // a stopped job's record already says how it ended
                            jobs.save(job[0]);
                        }
                    }, cancelled);
            jobs.save(job[0].succeeded(report.model().version(), clock.instant()));
        } catch (Throwable e) {
            // Any Throwable: a StackOverflowError from a deeply nested formula once left its job RUNNING for good,
            // and with it every later retrain of the same data answered 409.
            boolean wasCancelled = stopped.get() != null || e instanceof TrainModel.Cancelled
                    || e instanceof FitCancelledException;
            String reason = wasCancelled ? Objects.requireNonNullElse(stopped.get(), "cancelled")
                    : e instanceof SegmentsException ? e.getMessage() : failure(e);
            try {
                jobs.save(job[0].ended(wasCancelled ? JobState.CANCELLED : JobState.FAILED, reason, clock.instant()));
            } catch (RuntimeException saveFailed) {
                e.addSuppressed(saveFailed); // the job stays unfinished in the store; abandoned() frees its data
            }
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal; // out of memory and the like: recorded, but not swallowed
            }
        } finally {
            running.remove(queued.id());
        }
    }

    private static String failure(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "failed: the request nests too deeply to process (stack overflow); simplify the feature formulas";
        }
        return "unexpected failure: " + e;
    }

    private static DataInput input(Command command, Path file, Path spec) {
        return command.transactions() ? DataInput.transactions(file, command.delimiter(), spec)
                : DataInput.customers(file, command.delimiter(), spec);
    }

    /**
     * A file named by a request, inside the data directory. Errors name the file as given and never the directory
     * itself, nor whether a path outside it exists.
     */
    private Path resolve(String field, String data) {
        Path file;
        try {
            file = Path.of(data);
        } catch (java.nio.file.InvalidPathException e) {
            throw new FieldValidationException(field, "\"" + TextLimits.echo(data) + "\" is not a valid file name");
        }
        Path absolute = (file.isAbsolute() ? file : dataRoot.resolve(file)).normalize();
        Path real = null;
        try {
            if (Files.isRegularFile(absolute)) {
                real = absolute.toRealPath();
            }
        } catch (IOException e) {
            real = null;
        }
        // The same answer whether or not a path outside exists, so that requests cannot probe the file system.
        if (!(real != null ? real.startsWith(dataRoot) : absolute.startsWith(dataRoot))) {
            throw new FieldValidationException(field, "\"" + TextLimits.echo(data) + "\" is outside the data directory "
                    + "(name a file inside it; set SEGMENTS_DATA_DIR on the server to use another one)");
        }
        if (real == null) {
            throw new FieldValidationException(field, "\"" + TextLimits.echo(data) + "\": no such file in the data directory");
        }
        return real;
    }

    private static Path realPath(Path path) {
        try {
            return Objects.requireNonNull(path).toRealPath();
        } catch (IOException e) {
            throw new SegmentsException(path + ": cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** Stops the workers; running jobs are interrupted (and will read FAILED/interrupted at the next start). */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
