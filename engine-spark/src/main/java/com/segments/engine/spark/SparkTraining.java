package com.segments.engine.spark;

import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.engine.EngineFit;
import com.segments.domain.engine.EngineRequest;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.Segment;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.SegmentProfile;
import com.segments.domain.table.DataSourceException;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * One training on Spark: reads the source, fits the pipeline ({@link SparkPipeline}), clusters, and measures every
 * row there (sizes, centres in original units, inertia, Davies-Bouldin, Calinski-Harabasz, outlier radii, segment
 * profiles); only a seeded sample of rows comes back to this process (silhouette, drift reference, alignment).
 */
final class SparkTraining {

    static final String ID = "__id";
    static final String FEATURES = "features";
    static final String SEGMENT = "segment";
    static final String DISTANCE = "distance";

    private final SparkSession spark;
    private final EngineRequest request;
    private final List<String> notes = new ArrayList<>();

    SparkTraining(SparkSession spark, EngineRequest request) {
        this.spark = spark;
        this.request = request;
    }

    /** The prepared rows: the id, the raw features, then each in original units and in the clustering space. */
    record Prepared(Dataset<Row> rows, List<String> features, SparkPipeline.Fitted pipeline, String idColumn, long count) {
    }

    EngineFit fit() {
        java.nio.file.Path out = request.assignmentsOut() == null ? null : SparkSource.localPath(request.assignmentsOut());
        if (out != null && java.nio.file.Files.exists(out)) {
            throw new DataSourceException(request.assignmentsOut() + " exists already; name a new directory for the "
                    + "assignments (nothing was trained)");
        }
        Prepared prepared = prepare(spark, request, notes);
        try {
            return cluster(prepared);
        } finally {
            prepared.rows().unpersist();
        }
    }

    /** Reads the source, chooses the columns and fits the pipeline; the result is cached for the passes to come. */
    static Prepared prepare(SparkSession spark, EngineRequest request, List<String> notes) {
        Dataset<Row> source = SparkSource.read(spark, request);
        SparkColumns columns = SparkColumns.choose(source.schema(), request.spec(), request.source());
        notes.addAll(columns.notes());
        int d = columns.features().size();
        Column[] raw = new Column[d + 1];
        raw[0] = columns.id() == null ? monotonically_increasing_id().cast("string").as(ID)
                : source.col(quoted(columns.id())).cast("string").as(ID);
        for (int j = 0; j < d; j++) {
            Column c = source.col(quoted(columns.features().get(j))).cast("double");
            raw[j + 1] = when(isnan(c), lit(null).cast("double")).otherwise(c).as(SparkPipeline.column(j));
        }
        Dataset<Row> selected = source.select(raw);
        // A file smaller than a split is one partition, and every pass would run on one core: spread it over all
        int cores = spark.sparkContext().defaultParallelism();
        if (selected.rdd().getNumPartitions() < cores) {
            selected = selected.repartition(cores);
        }
        Dataset<Row> rawRows = selected.persist(StorageLevel.MEMORY_AND_DISK());
        long count = rawRows.count();
        if (count < request.k()) {
            rawRows.unpersist();
            throw new DataSourceException("k = " + request.k() + " segments need at least " + request.k()
                    + " customers; " + request.source() + " has " + count);
        }
        SparkPipeline.Fitted pipeline = SparkPipeline.fit(rawRows, columns.features(), columns.options());
        notes.addAll(pipeline.notes());
        Column[] all = new Column[1 + 3 * d];
        all[0] = col(ID);
        for (int j = 0; j < d; j++) {
            all[1 + j] = col(SparkPipeline.column(j));
            all[1 + d + j] = pipeline.imputed()[j].as("o" + j);
            all[1 + 2 * d + j] = pipeline.scaled()[j].as("s" + j);
        }
        String[] scaledNames = new String[d];
        for (int j = 0; j < d; j++) {
            scaledNames[j] = "s" + j;
        }
        Dataset<Row> assembled = new VectorAssembler().setInputCols(scaledNames).setOutputCol(FEATURES)
                .transform(rawRows.select(all)).persist(StorageLevel.MEMORY_AND_DISK());
        assembled.count();
        rawRows.unpersist();
        return new Prepared(assembled, columns.features(), pipeline, columns.id(), count);
    }

    private EngineFit cluster(Prepared prepared) {
        int d = prepared.features().size();
        long started = System.nanoTime();
        Fitted fitted = fitModel(prepared.rows());
        long fitMillis = (System.nanoTime() - started) / 1_000_000;
        Vector[] centres = fitted.centres();
        int k = centres.length;
        if (k < request.k()) {
            notes.add("Spark found " + k + " segments of the " + request.k() + " asked for (no cluster left to split)");
        }
        UserDefinedFunction distance = udf((UDF2<Vector, Integer, Double>) (v, s) -> Math.sqrt(Vectors.sqdist(v, centres[s])),
                DataTypes.DoubleType);
        // Spark's prediction checks every vector (interpreted, per element) each time it is read: cached once here
        Dataset<Row> predicted = fitted.predictions().withColumn(DISTANCE, distance.apply(col(FEATURES), col(SEGMENT)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        predicted.count();
        try {
            return measureAll(prepared, predicted, centres, fitted, fitMillis);
        } finally {
            predicted.unpersist();
        }
    }

    private EngineFit measureAll(Prepared prepared, Dataset<Row> predicted, Vector[] centres, Fitted fitted,
                                 long fitMillis) {
        int d = prepared.features().size();
        int k = centres.length;
        if (request.assignmentsOut() != null) {
            // Spark's own answer for every training row, written where the data is (a header per part file)
            predicted.select(col(ID).as(prepared.idColumn() == null ? "row" : prepared.idColumn()), col(SEGMENT),
                    col(DISTANCE)).write().option("header", true).csv(request.assignmentsOut());
            notes.add("every training row's segment and distance as Spark assigned them: " + request.assignmentsOut());
        }

        Measures measures = measure(predicted, k, prepared.features(), prepared.count());
        double[][] memberMeans = measures.scaledMeans();
        UserDefinedFunction toMean = udf((UDF2<Vector, Integer, Double>) (v, s) -> {
            double squared = 0;
            for (int j = 0; j < memberMeans[s].length; j++) {
                double diff = v.apply(j) - memberMeans[s][j];
                squared += diff * diff;
            }
            return squared;
        }, DataTypes.DoubleType);
        Map<Integer, double[]> spread = new LinkedHashMap<>();
        for (Row row : predicted.withColumn("w", toMean.apply(col(FEATURES), col(SEGMENT))).groupBy(SEGMENT)
                .agg(sum("w"), sum(org.apache.spark.sql.functions.sqrt(col("w")))).collectAsList()) {
            spread.put(row.getInt(0), new double[]{row.getDouble(1), row.getDouble(2)});
        }

        Sample sample = sample(predicted, prepared, k);
        Silhouette.Result silhouette = Silhouette.compute(sample.scaled(), sample.labels(), k, Silhouette.DEFAULT_MAX_ROWS,
                request.seed());
        double[] flat = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(centres[c].toArray(), 0, flat, c * d, d);
        }
        NearestCentroidRule rule = new NearestCentroidRule(k, d, flat, measures.radius());
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            segments.add(new Segment(c, measures.sizes()[c], (double) measures.sizes()[c] / prepared.count(),
                    centres[c].toArray(), measures.originalMeans()[c]));
        }
        ModelMetrics metrics = new ModelMetrics(measures.inertia(), silhouette.value(), silhouette.rowsUsed(), 0,
                daviesBouldin(memberMeans, measures.sizes(), spread), calinskiHarabasz(memberMeans, measures.sizes(), spread),
                Double.NaN);
        notes.add(String.format(Locale.ROOT, "%s: %d segments, %d iterations, %.1f s on %s", algorithmId(), k,
                fitted.iterations(), fitMillis / 1000.0, spark.sparkContext().master()));
        notes.add(String.format(Locale.ROOT, "quantiles (medians, clipping bounds, profiles' medians, outlier radii) "
                + "are Spark's percentile_approx, rank within %s of the rows; silhouette on a sample of %d rows",
                SparkPipeline.RELATIVE_ERROR, silhouette.rowsUsed()));
        Map<String, Integer> parameters = Map.of("k", request.k(), "maxIterations", request.maxIterations());
        return new EngineFit(algorithmId(), parameters, prepared.pipeline().preprocessing(), rule, segments, metrics,
                measures.profiles(), SparkSource.fingerprint(request, prepared.count()), provenance(), notes,
                sample.profiles(), sample.labels(), fitMillis);
    }

    private String algorithmId() {
        return request.algorithm().equals(EngineRequest.KMEANS) ? "spark-kmeans" : "spark-bisecting-kmeans";
    }

    private record Fitted(Vector[] centres, Dataset<Row> predictions, int iterations) {
    }

    /**
     * Fits on the vectors alone: a projection is not itself cached, so Spark's k-means caches the vectors as objects
     * for its passes instead of decoding them from the cached table at every iteration.
     */
    private Fitted fitModel(Dataset<Row> prepared) {
        Dataset<Row> rows = prepared.select(FEATURES);
        if (request.algorithm().equals(EngineRequest.KMEANS)) {
            KMeansModel model = new KMeans().setK(request.k()).setSeed(request.seed()).setMaxIter(request.maxIterations())
                    .setTol(1e-6).setInitMode("k-means||").setFeaturesCol(FEATURES).setPredictionCol(SEGMENT).fit(rows);
            return new Fitted(model.clusterCenters(), model.transform(prepared), model.summary().numIter());
        }
        BisectingKMeansModel model = new BisectingKMeans().setK(request.k()).setSeed(request.seed())
                .setMaxIter(request.maxIterations()).setFeaturesCol(FEATURES).setPredictionCol(SEGMENT).fit(rows);
        return new Fitted(model.clusterCenters(), model.transform(prepared), model.summary().numIter());
    }

    /** What one grouped pass over every row measures. */
    private record Measures(long[] sizes, double[][] scaledMeans, double[][] originalMeans, double inertia,
                            double[] radius, List<SegmentProfile> profiles) {
    }

    /**
     * One pass per segment and one over the population: sizes, members' means in both spaces, squared distances to
     * the centres (inertia), each segment's outlier radius (99th percentile of its members' distances, as the local
     * rule's) and every feature's mean and median per segment and overall for the profiles.
     */
    private Measures measure(Dataset<Row> predicted, int k, List<String> names, long rows) {
        int d = names.size();
        String o = "o";
        List<Column> perSegment = new ArrayList<>();
        perSegment.add(sum(col(DISTANCE).multiply(col(DISTANCE))));
        perSegment.add(percentile_approx(col(DISTANCE), lit(0.99), lit((int) (1 / SparkPipeline.RELATIVE_ERROR))));
        List<Column> population = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            perSegment.add(avg("s" + j));
            perSegment.add(avg(o + j));
            perSegment.add(percentile_approx(col(o + j), lit(0.5), lit((int) (1 / SparkPipeline.RELATIVE_ERROR))).cast("double"));
            population.add(avg(o + j));
            population.add(stddev_pop(o + j));
            population.add(percentile_approx(col(o + j), lit(0.5), lit((int) (1 / SparkPipeline.RELATIVE_ERROR))).cast("double"));
        }
        List<Row> groups = predicted.groupBy(SEGMENT).agg(count(lit(1)), perSegment.toArray(Column[]::new)).collectAsList();
        Row overall = predicted.agg(population.getFirst(), population.subList(1, population.size()).toArray(Column[]::new))
                .first();
        long[] sizes = new long[k];
        double[][] scaledMeans = new double[k][d];
        double[][] originalMeans = new double[k][d];
        double[][] medians = new double[k][d];
        double[] radius = new double[k];
        double inertia = 0;
        for (double[] row : originalMeans) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (Row g : groups) {
            int c = g.getInt(0);
            sizes[c] = g.getLong(1);
            inertia += g.getDouble(2);
            radius[c] = g.getDouble(3);
            for (int j = 0; j < d; j++) {
                scaledMeans[c][j] = g.getDouble(4 + 3 * j);
                originalMeans[c][j] = g.getDouble(5 + 3 * j);
                medians[c][j] = g.getDouble(6 + 3 * j);
            }
        }
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<FeatureProfile> features = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                double mean = overall.getDouble(3 * j);
                double sd = overall.getDouble(3 * j + 1);
                double z = sd > 0 ? (originalMeans[c][j] - mean) / sd : 0;
                features.add(new FeatureProfile(names.get(j), originalMeans[c][j], sizes[c] == 0 ? Double.NaN : medians[c][j],
                        mean, overall.getDouble(3 * j + 2), z));
            }
            profiles.add(new SegmentProfile(c, sizes[c], (double) sizes[c] / rows, features, List.of()));
        }
        return new Measures(sizes, scaledMeans, originalMeans, inertia, radius, profiles);
    }

    /** A seeded sample of rows: raw values (NaN where missing), ids, Spark's segment and the clustering-space vector. */
    private record Sample(CustomerProfiles profiles, int[] labels, DataMatrix scaled) {
    }

    private Sample sample(Dataset<Row> predicted, Prepared prepared, int k) {
        int d = prepared.features().size();
        double fraction = Math.min(1.0, 1.1 * request.sampleRows() / (double) prepared.count());
        Column[] columns = new Column[d + 3];
        columns[0] = col(ID);
        columns[1] = col(SEGMENT);
        columns[2] = col(FEATURES);
        for (int j = 0; j < d; j++) {
            columns[3 + j] = col(SparkPipeline.column(j));
        }
        Dataset<Row> rows = fraction >= 1.0 ? predicted : predicted.sample(false, fraction, request.seed());
        List<Row> collected = rows.select(columns).limit(request.sampleRows()).collectAsList();
        int n = collected.size();
        List<String> ids = new ArrayList<>(n);
        int[] labels = new int[n];
        double[] raw = new double[n * d];
        double[] scaled = new double[n * d];
        for (int i = 0; i < n; i++) {
            Row row = collected.get(i);
            ids.add(row.getString(0));
            labels[i] = row.getInt(1);
            System.arraycopy(((Vector) row.get(2)).toArray(), 0, scaled, i * d, d);
            for (int j = 0; j < d; j++) {
                raw[i * d + j] = row.isNullAt(3 + j) ? Double.NaN : row.getDouble(3 + j);
            }
        }
        FeatureSchema schema = new FeatureSchema(prepared.idColumn(), prepared.features());
        return new Sample(new CustomerProfiles(schema, ids, DataMatrix.wrap(n, d, raw)), labels,
                DataMatrix.wrap(n, d, scaled));
    }

    /** Davies-Bouldin from the members' means, the mean distance to them (scatter) and the sizes, as ClusterQuality. */
    static double daviesBouldin(double[][] means, long[] sizes, Map<Integer, double[]> spread) {
        int k = means.length;
        double total = 0;
        int segments = 0;
        for (int a = 0; a < k; a++) {
            if (sizes[a] == 0) {
                continue;
            }
            segments++;
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (a != b && sizes[b] > 0) {
                    double separation = Math.sqrt(squared(means[a], means[b]));
                    double scatter = spread.get(a)[1] / sizes[a] + spread.get(b)[1] / sizes[b];
                    worst = Math.max(worst, separation == 0 ? Double.POSITIVE_INFINITY : scatter / separation);
                }
            }
            total += worst;
        }
        return segments < 2 ? Double.NaN : total / segments;
    }

    /** Calinski-Harabasz: between- over within-segment dispersion (about the members' means), as ClusterQuality. */
    static double calinskiHarabasz(double[][] means, long[] sizes, Map<Integer, double[]> spread) {
        int d = means[0].length;
        double[] overall = new double[d];
        long members = 0;
        int segments = 0;
        double within = 0;
        for (int c = 0; c < means.length; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            segments++;
            members += sizes[c];
            within += spread.get(c)[0];
            for (int j = 0; j < d; j++) {
                overall[j] += means[c][j] * sizes[c];
            }
        }
        if (segments < 2 || members <= segments) {
            return Double.NaN;
        }
        for (int j = 0; j < d; j++) {
            overall[j] /= members;
        }
        double between = 0;
        for (int c = 0; c < means.length; c++) {
            if (sizes[c] > 0) {
                between += sizes[c] * squared(means[c], overall);
            }
        }
        return within == 0 ? 1.0 : between * (members - segments) / (within * (segments - 1));
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    private Map<String, String> provenance() {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("engine", "spark");
        provenance.put("spark", spark.version());
        provenance.put("spark.master", spark.sparkContext().master());
        provenance.put("scala", scala.util.Properties.versionNumberString());
        provenance.put("java", Runtime.version().toString());
        return provenance;
    }

    static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
