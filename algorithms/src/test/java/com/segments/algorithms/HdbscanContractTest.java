package com.segments.algorithms;

import com.segments.algorithms.hdbscan.HdbscanAlgorithm;
import com.segments.domain.cluster.ClusteringAlgorithm;

import java.util.Map;

/** Our HDBSCAN under the contract every plugin meets; it fits every row, so it has no sampling guardrail. */
class HdbscanContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new HdbscanAlgorithm();
    }

    @Override
    protected Map<String, Integer> parametersFor(int segments) {
        return Map.of("minClusterSize", 20);
    }

    @Override
    protected double minimumPredictAgreement() {
        return 1.0;
    }
}
