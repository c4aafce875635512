package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringAlgorithm;

import java.util.Map;

class TribuoHdbscanContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new TribuoHdbscanAlgorithm();
    }

    @Override
    protected Map<String, Integer> parametersFor(int segments) {
        return Map.of("minClusterSize", 20);
    }
}
