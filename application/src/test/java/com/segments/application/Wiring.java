package com.segments.application;

import com.segments.adapters.files.CsvRecordFiles;
import com.segments.adapters.files.CsvTableFiles;
import com.segments.adapters.files.CsvTransactionFiles;
import com.segments.adapters.files.YamlFeatureSpecs;
import com.segments.adapters.files.YamlNamingRuleFiles;
import com.segments.application.features.PreparedTable;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.feature.Projector;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.table.RecordFiles;
import com.segments.domain.transaction.TransactionStore;

import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the composition root wires, for use-case tests: the real file adapters, the real plugins, and an in-memory
 * transaction store.
 */
public final class Wiring {

    private Wiring() {
    }

    public static AlgorithmCatalog algorithms() {
        return new AlgorithmCatalog(ServiceLoader.load(ClusteringAlgorithm.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public static DataReader reader() {
        return reader(new InMemoryTransactionStore());
    }

    public static DataReader reader(TransactionStore store) {
        return new DataReader(new CsvTableFiles(), new YamlFeatureSpecs(), new CsvTransactionFiles(), store,
                ServiceLoader.load(Projector.class).findFirst());
    }

    public static RecordFiles files() {
        return new CsvRecordFiles();
    }

    public static NamingRules rules() {
        return new YamlNamingRuleFiles().defaults();
    }

    /** Reads and fits a data input as training does. */
    public static PreparedTable prepare(DataInput input) {
        return reader().prepare(input);
    }

    /** A training pool like the composition root's: {@code workers} threads, {@code queue} waiting places. */
    public static ThreadPoolExecutor pool(int workers, int queue) {
        return new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "training-worker");
            thread.setDaemon(true);
            return thread;
        });
    }
}
