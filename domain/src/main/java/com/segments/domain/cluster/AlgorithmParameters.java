package com.segments.domain.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Parameter values already checked against an {@link AlgorithmDescriptor}; stored with the model. */
public record AlgorithmParameters(Map<String, Integer> values) {

    public AlgorithmParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // keeps the descriptor's order
    }

    /** {@code k=4 restarts=10 ...}, in the descriptor's order. */
    public String describe() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    public int get(String name) {
        Integer value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' among " + values.keySet());
        }
        return value;
    }
}
