package com.segments.engine.spark;

import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.feature.FeatureSpec.NumericOptions;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.table.DataSourceException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;

/**
 * Fits the feature pipeline of numeric columns in Spark, step by step in the local path's order (plausible ranges,
 * imputation, clipping, log1p, scaling), each step's numbers from one aggregation over every row, and yields the
 * domain's fitted steps together with the Spark expressions that apply them. The expressions do in Spark what each
 * step's {@code apply} does here, operation for operation, so a row's transformed values are the same doubles in
 * both places.
 *
 * <p>Quantiles (medians, winsorising bounds, quartiles) are Spark's {@code percentile_approx}: an actual value of
 * the column whose rank is within {@link #RELATIVE_ERROR} × rows of the exact one (the local path interpolates
 * between the two middle values, as numpy does). Means and standard deviations are exact aggregations.
 */
final class SparkPipeline {

    /** Rank error of every quantile, as a share of the rows. */
    static final double RELATIVE_ERROR = 1e-4;
    private static final Column ACCURACY = lit((int) Math.round(1 / RELATIVE_ERROR));

    /**
     * @param preprocessing the fitted steps, stored with the model
     * @param imputed       each feature in original units with gaps filled (what profiles describe)
     * @param scaled        each feature in the clustering space
     * @param notes         one line per fitted decision
     */
    record Fitted(FittedPreprocessing preprocessing, Column[] imputed, Column[] scaled, List<String> notes) {
    }

    private final Dataset<Row> data;
    private final List<String> names;
    private final List<NumericOptions> options;
    private final List<FittedStep> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Column[] current;

    /**
     * @param data    the raw features as doubles, column {@code i} named {@link #column(int)}, null where missing
     * @param names   the features' names, for notes and errors
     * @param options each feature's options
     */
    private SparkPipeline(Dataset<Row> data, List<String> names, List<NumericOptions> options) {
        this.data = data;
        this.names = names;
        this.options = options;
        this.current = new Column[names.size()];
        for (int j = 0; j < current.length; j++) {
            current[j] = data.col(column(j));
        }
    }

    /** The name of feature {@code j}'s column in the data the pipeline reads. */
    static String column(int j) {
        return "f" + j;
    }

    static Fitted fit(Dataset<Row> data, List<String> names, List<NumericOptions> options) {
        return new SparkPipeline(data, names, options).fit();
    }

    private Fitted fit() {
        validRange();
        impute();
        Column[] imputed = current.clone();
        clip();
        logTransform();
        scale();
        return new Fitted(new FittedPreprocessing(steps), imputed, current.clone(), List.copyOf(notes));
    }

    private int width() {
        return names.size();
    }

    /** Values outside a declared plausible range are errors in the data: read as missing, as locally. */
    private void validRange() {
        double[] lower = new double[width()];
        double[] upper = new double[width()];
        boolean any = false;
        for (int j = 0; j < width(); j++) {
            NumericOptions o = options.get(j);
            lower[j] = o.validMin() == null ? Double.NEGATIVE_INFINITY : o.validMin();
            upper[j] = o.validMax() == null ? Double.POSITIVE_INFINITY : o.validMax();
            any |= o.validMin() != null || o.validMax() != null;
        }
        if (!any) {
            return;
        }
        ValidRange range = new ValidRange(lower, upper);
        for (int j = 0; j < width(); j++) {
            if (Double.isFinite(lower[j]) || Double.isFinite(upper[j])) {
                current[j] = when(current[j].lt(lower[j]).or(current[j].gt(upper[j])), lit(null).cast("double"))
                        .otherwise(current[j]);
                notes.add(names.get(j) + ": values outside [" + lower[j] + ", " + upper[j] + "] read as missing");
            }
        }
        steps.add(range);
    }

    /** Median (approximate), mean or constant per column; a column with no value at all is refused by name. */
    private void impute() {
        List<Column> aggregates = new ArrayList<>();
        for (int j = 0; j < width(); j++) {
            aggregates.add(count(current[j]));
            aggregates.add(switch (options.get(j).impute()) {
                case MEDIAN -> percentile_approx(current[j], lit(0.5), ACCURACY).cast("double");
                case MEAN -> avg(current[j]);
                case CONSTANT -> lit(options.get(j).constant());
            });
        }
        aggregates.add(count(lit(1)));
        Row row = aggregate(aggregates);
        long rows = row.getLong(2 * width());
        double[] fill = new double[width()];
        for (int j = 0; j < width(); j++) {
            long present = row.getLong(2 * j);
            if (present == 0 && options.get(j).impute() != FeatureSpec.Impute.CONSTANT) {
                throw new DataSourceException("column '" + names.get(j) + "' has no values to impute from");
            }
            fill[j] = ((Number) row.get(2 * j + 1)).doubleValue();
            if (present < rows) {
                notes.add(String.format(Locale.ROOT, "%s: %d missing, filled with the %s %s", names.get(j),
                        rows - present, options.get(j).impute().name().toLowerCase(Locale.ROOT), fill[j]));
            }
            current[j] = coalesce(current[j], lit(fill[j]));
        }
        steps.add(new Imputation(fill));
    }

    /** Winsorising at (approximate) quantiles or the interquartile fences, where a column's options ask for it. */
    private void clip() {
        List<Integer> clipped = new ArrayList<>();
        List<Column> aggregates = new ArrayList<>();
        for (int j = 0; j < width(); j++) {
            NumericOptions o = options.get(j);
            if (o.outliers() == FeatureSpec.Outliers.NONE) {
                continue;
            }
            clipped.add(j);
            Column probabilities = o.outliers() == FeatureSpec.Outliers.WINSORIZE
                    ? array(lit(o.lowerQuantile()), lit(o.upperQuantile())) : array(lit(0.25), lit(0.75));
            aggregates.add(percentile_approx(current[j], probabilities, ACCURACY).cast("array<double>"));
        }
        if (clipped.isEmpty()) {
            return;
        }
        Row row = aggregate(aggregates);
        double[] lower = new double[width()];
        double[] upper = new double[width()];
        java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        for (int i = 0; i < clipped.size(); i++) {
            int j = clipped.get(i);
            List<Double> q = row.getList(i);
            NumericOptions o = options.get(j);
            if (o.outliers() == FeatureSpec.Outliers.WINSORIZE) {
                lower[j] = q.get(0);
                upper[j] = q.get(1);
            } else {
                double iqr = q.get(1) - q.get(0);
                lower[j] = q.get(0) - o.iqrFactor() * iqr;
                upper[j] = q.get(1) + o.iqrFactor() * iqr;
            }
            notes.add(String.format(Locale.ROOT, "%s: %s, clipped to [%s, %s]", names.get(j),
                    o.outliers() == FeatureSpec.Outliers.WINSORIZE ? "winsorised" : "IQR fences", lower[j], upper[j]));
            Column c = current[j];
            current[j] = when(c.lt(lower[j]), lit(lower[j])).when(c.gt(upper[j]), lit(upper[j])).otherwise(c);
        }
        steps.add(new Clipping(lower, upper));
    }

    /** log1p where declared, or (auto) where a column is non-negative with skewness above {@link Log1p#SKEWED}. */
    private void logTransform() {
        List<Column> aggregates = new ArrayList<>();
        for (int j = 0; j < width(); j++) {
            aggregates.add(skewness(current[j]));
            aggregates.add(min(current[j]));
        }
        boolean anyAuto = options.stream().anyMatch(o -> o.transform() == FeatureSpec.Transform.AUTO);
        Row row = anyAuto ? aggregate(aggregates) : null;
        boolean[] log = new boolean[width()];
        boolean any = false;
        for (int j = 0; j < width(); j++) {
            FeatureSpec.Transform transform = options.get(j).transform();
            if (transform == FeatureSpec.Transform.LOG1P) {
                log[j] = true;
                notes.add(names.get(j) + ": log1p");
            } else if (transform == FeatureSpec.Transform.AUTO) {
                double skew = row.isNullAt(2 * j) ? 0 : row.getDouble(2 * j);
                double lowest = row.getDouble(2 * j + 1);
                log[j] = lowest >= 0 && skew > Log1p.SKEWED;
                if (log[j]) {
                    notes.add(String.format(Locale.ROOT, "%s: log1p (auto: skewness %.1f, no negative values)",
                            names.get(j), skew));
                }
            }
            if (log[j]) {
                Column c = current[j];
                current[j] = when(c.geq(0), log1p(c)).otherwise(log1p(c.unary_$minus()).unary_$minus());
            }
            any |= log[j];
        }
        if (any) {
            steps.add(new Log1p(log));
        }
    }

    /** Standard (mean, population standard deviation), robust (median, IQR), min-max or no scaling per column. */
    private void scale() {
        List<Column> aggregates = new ArrayList<>();
        for (int j = 0; j < width(); j++) {
            aggregates.add(avg(current[j]));
            aggregates.add(stddev_pop(current[j]));
            aggregates.add(min(current[j]));
            aggregates.add(max(current[j]));
            aggregates.add(options.get(j).scale() == FeatureSpec.Scale.ROBUST
                    ? percentile_approx(current[j], array(lit(0.25), lit(0.5), lit(0.75)), ACCURACY).cast("array<double>")
                    : lit(null).cast("array<double>"));
        }
        Row row = aggregate(aggregates);
        double[] centre = new double[width()];
        double[] scale = new double[width()];
        for (int j = 0; j < width(); j++) {
            int at = 5 * j;
            double mean = row.getDouble(at);
            double sd = row.getDouble(at + 1);
            switch (options.get(j).scale()) {
                case STANDARD -> {
                    centre[j] = mean;
                    // a (numerically) constant column keeps a scale of 1, as Standardisation.fit decides
                    scale[j] = sd < 10 * Math.ulp(1.0) * Math.max(1.0, Math.abs(mean)) ? 1.0 : sd;
                }
                case NONE -> {
                    centre[j] = 0;
                    scale[j] = 1;
                }
                case MINMAX -> {
                    double low = row.getDouble(at + 2);
                    double high = row.getDouble(at + 3);
                    centre[j] = low;
                    scale[j] = high > low ? high - low : 1;
                }
                case ROBUST -> {
                    List<Double> q = row.getList(at + 4);
                    centre[j] = q.get(1);
                    scale[j] = q.get(2) - q.get(0) > 0 ? q.get(2) - q.get(0) : 1;
                }
            }
            current[j] = current[j].minus(centre[j]).divide(scale[j]);
        }
        steps.add(new Standardisation(centre, scale));
    }

    private Row aggregate(List<Column> aggregates) {
        return data.agg(aggregates.getFirst(), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    }
}
