package com.segments.domain.cluster;

import java.util.Map;

/** Parameter values already checked against an {@link AlgorithmDescriptor}; stored with the model. */
public record AlgorithmParameters(Map<String, Integer> values) {

    public AlgorithmParameters {
        values = Map.copyOf(values);
    }

    public int get(String name) {
        Integer value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' among " + values.keySet());
        }
        return value;
    }
}
