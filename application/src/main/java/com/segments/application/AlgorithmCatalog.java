package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmDescriptor;
import com.segments.domain.cluster.ClusteringAlgorithm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The clustering plugins available to the use cases, by id. */
public final class AlgorithmCatalog {

    private final Map<String, ClusteringAlgorithm> byId = new TreeMap<>();

    public AlgorithmCatalog(Collection<? extends ClusteringAlgorithm> algorithms) {
        for (ClusteringAlgorithm algorithm : algorithms) {
            ClusteringAlgorithm previous = byId.putIfAbsent(algorithm.id(), algorithm);
            if (previous != null) {
                throw new IllegalStateException("two plugins claim the id '" + algorithm.id() + "': "
                        + previous.getClass().getName() + " and " + algorithm.getClass().getName());
            }
        }
    }

    public ClusteringAlgorithm require(String id) {
        ClusteringAlgorithm algorithm = byId.get(id);
        if (algorithm == null) {
            throw new SegmentsException("unknown algorithm '" + id + "'; available: "
                    + (byId.isEmpty() ? "none (no plugin on the class path)" : String.join(", ", byId.keySet())));
        }
        return algorithm;
    }

    public List<AlgorithmDescriptor> descriptors() {
        return byId.values().stream().map(ClusteringAlgorithm::descriptor).toList();
    }
}
