package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringAlgorithm;

import java.util.Map;

class TribuoKMeansContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new TribuoKMeansAlgorithm();
    }

    @Override
    protected Map<String, Integer> parametersFor(int segments) {
        return Map.of("k", segments, "restarts", 3);
    }

    /** Nearest-centroid labels are the training labels: k-means must agree on every row. */
    @Override
    protected double minimumPredictAgreement() {
        return 1.0;
    }
}
