package com.segments.application;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Train a model on a customer table and make it the active one.
 *
 * @param data       the CSV file
 * @param delimiter  field separator, or {@code null} to detect it
 * @param algorithm  plugin id
 * @param parameters plugin parameters given by the user; the rest take their defaults
 * @param seed       seed of every random choice in the fit
 */
public record TrainCommand(Path data, Character delimiter, String algorithm, Map<String, Integer> parameters, long seed) {

    public static final String DEFAULT_ALGORITHM = "kmeans";
    public static final long DEFAULT_SEED = 42L;

    public TrainCommand {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = Map.copyOf(parameters);
    }
}
