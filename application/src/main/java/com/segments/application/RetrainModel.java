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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(AtomicBoolean cancelled, Future<?> future) {
    }

    /**
     * @param dataRoot training data must lie under this directory (requests name files, and a server must not
     *                 read whatever path it is sent)
     * @param workers  the bounded pool jobs run on (made by the composition root): its threads run jobs at once,
     *                 its queue holds those that wait, and a full queue refuses a request
     */
    public RetrainModel(JobRepository jobs, TrainModel trainModel, Clock clock, Path dataRoot,
                        ThreadPoolExecutor workers) {
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
     */
    public record Command(String data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed,
                          String features, boolean transactions) {

        public Command(String data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed) {
            this(data, delimiter, algorithm, parameters, seed, null, false);
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
        Optional<TrainingJob> unfinished = jobs.unfinishedFor(source);
        if (unfinished.isPresent()) {
            throw new Conflict(unfinished.get());
        }
        TrainingJob job = new TrainingJob(UUID.randomUUID().toString(), source, command.algorithm(),
                command.parameters(), command.seed(), JobState.QUEUED, 0, "queued", clock.instant(), null, null, null, null);
        jobs.save(job);
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            Future<?> future = workers.submit(() -> run(job, file, spec, command, cancelled));
            running.put(job.id(), new Running(cancelled, future));
        } catch (RejectedExecutionException e) {
            jobs.save(job.ended(JobState.FAILED, "refused: the training queue was full", clock.instant()));
            throw new Busy(workers.getQueue().size());
        }
        return job;
    }

    public TrainingJob find(String id) {
        return jobs.find(id).orElseThrow(() -> new UnknownJob(id));
    }

    public List<TrainingJob> recent(int limit) {
        return jobs.recent(limit);
    }

    /** Asks a job to stop; a finished job is returned as it is. */
    public TrainingJob cancel(String id) {
        TrainingJob job = find(id);
        Running run = running.get(id);
        if (job.state().finished() || run == null) {
            return job;
        }
        run.cancelled().set(true);
        if (job.state() == JobState.QUEUED && run.future().cancel(false)) {
            TrainingJob cancelled = job.ended(JobState.CANCELLED, "cancelled before it started", clock.instant());
            jobs.save(cancelled);
            running.remove(id);
            return cancelled;
        }
        run.future().cancel(true);
        return find(id);
    }

    /**
     * Marks jobs left unfinished by an earlier process FAILED, and the versions they were training; returns how many
     * jobs.
     */
    public int recoverInterrupted() {
        trainModel.failUnfinished("interrupted: the process stopped while this version was training");
        return jobs.failUnfinished("interrupted: the server stopped while this job was queued or running", clock.instant());
    }

    private void run(TrainingJob queued, Path file, Path spec, Command command, AtomicBoolean cancelled) {
        TrainingJob[] job = {queued.running(clock.instant())};
        try {
            jobs.save(job[0]);
            DataInput input = input(command, file, spec);
            TrainingReport report = trainModel.train(new TrainModel.Command(input, command.algorithm(),
                    command.parameters(), command.seed(), "api job " + queued.id()), (fraction, stage) -> {
                        job[0] = job[0].progressed(fraction, stage);
                        jobs.save(job[0]);
                    }, cancelled::get);
            jobs.save(job[0].succeeded(report.model().version(), clock.instant()));
        } catch (RuntimeException e) {
            boolean wasCancelled = cancelled.get() || e instanceof TrainModel.Cancelled
                    || e instanceof FitCancelledException;
            String reason = wasCancelled ? "cancelled" : e instanceof SegmentsException ? e.getMessage()
                    : "unexpected failure: " + e;
            jobs.save(job[0].ended(wasCancelled ? JobState.CANCELLED : JobState.FAILED, reason, clock.instant()));
        } finally {
            running.remove(queued.id());
        }
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
