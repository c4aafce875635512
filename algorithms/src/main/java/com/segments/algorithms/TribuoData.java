package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Rows as a Tribuo dataset, for the plugins that fit with Tribuo. */
final class TribuoData {

    /**
     * Tribuo logs every k-means iteration at INFO through java.util.logging; formatting those records costs a large
     * share of a small fit and floods the console. Every Tribuo plugin builds its dataset here before fitting, so the
     * level is set before Tribuo runs; the logger is held so the setting is not lost to garbage collection.
     */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    private TribuoData() {
    }

    /** A Tribuo dataset of the rows; features are named so that Tribuo's sorted ids follow column order. */
    static MutableDataset<ClusterID> dataset(DataMatrix data) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("segments", factory), factory);
        String[] names = new String[data.columns()];
        for (int j = 0; j < names.length; j++) {
            names[j] = featureName(j);
        }
        double[] row = new double[data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            dataset.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, data.copyRow(i, row)));
        }
        return dataset;
    }

    static String featureName(int column) {
        return String.format("f%05d", column);
    }
}
