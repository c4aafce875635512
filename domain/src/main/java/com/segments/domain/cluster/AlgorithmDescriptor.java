package com.segments.domain.cluster;

import com.segments.domain.SegmentsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a plugin is and what it accepts: its stable id (stored in every model it trains), the library and version
 * that does the fitting (stored as provenance) and its parameters.
 */
public record AlgorithmDescriptor(String id, String description, String library, List<ParameterSpec> parameters) {

    public AlgorithmDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(library, "library");
        parameters = List.copyOf(parameters);
    }

    /**
     * Checks user-given values against the specs and fills in defaults.
     *
     * @throws SegmentsException naming an unknown parameter or a value out of bounds
     */
    public AlgorithmParameters resolve(Map<String, Integer> given) {
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new SegmentsException("algorithm '" + id + "' has no parameter '" + name + "'; it accepts "
                        + parameters.stream().map(ParameterSpec::name).collect(Collectors.joining(", ")));
            }
        }
        Map<String, Integer> resolved = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            int value = given.getOrDefault(spec.name(), spec.defaultValue());
            if (value < spec.min() || value > spec.max()) {
                throw new SegmentsException("parameter " + spec.name() + " of '" + id + "' must be between "
                        + spec.min() + " and " + spec.max() + ", got " + value);
            }
            resolved.put(spec.name(), value);
        }
        return new AlgorithmParameters(resolved);
    }
}
