package com.segments.engine.spark;

import com.segments.domain.SegmentsException;
import com.segments.domain.engine.EngineFit;
import com.segments.domain.engine.EngineRequest;
import com.segments.domain.engine.TrainingEngine;
import com.segments.domain.table.DataSourceException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark training engine ({@code --engine spark}). Runs on the master the request names ({@code local[*]} when it
 * names none and no {@code spark.master} is set, as under {@code spark-submit}); a session this engine starts is
 * stopped when the training ends, one that was running already (a test's, a notebook's) is left running.
 */
public final class SparkTrainingEngine implements TrainingEngine {

    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public String id() {
        return "spark";
    }

    @Override
    public EngineFit fit(EngineRequest request) {
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession spark = session(request.master());
        try {
            return new SparkTraining(spark, request).fit();
        } catch (SegmentsException e) {
            throw e;
        } catch (Exception e) {
            // Scala code throws the checked AnalysisException (a column or a file Spark cannot resolve) unchecked
            if (e instanceof AnalysisException) {
                throw new DataSourceException(request.source() + ": " + SparkSource.firstLine(e), e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    private static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("segments train --engine spark")
                .config("spark.ui.enabled", "false");
        String effective = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        builder.master(effective);
        if (effective.startsWith("local")) {
            // one machine: a few shuffle partitions instead of 200, and no dependence on the host name resolving
            builder.config("spark.sql.shuffle.partitions", "8")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
