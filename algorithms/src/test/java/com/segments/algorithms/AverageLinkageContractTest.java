package com.segments.algorithms;

import com.segments.domain.cluster.ClusteringAlgorithm;

import java.util.Map;

class AverageLinkageContractTest extends ClusteringAlgorithmContract {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new SmileHierarchicalAlgorithm.Average();
    }

    @Override
    protected Map<String, Integer> parametersFor(int segments) {
        return Map.of("k", segments);
    }
}
