package com.segments.application;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Score every row of a customer table with a model.
 *
 * @param data      the CSV file to score
 * @param out       where to write one line per input row
 * @param delimiter field separator of {@code data}, or {@code null} to detect it
 * @param version   a model version, or empty for the active one
 */
public record ScoreCommand(Path data, Path out, Character delimiter, OptionalInt version) {

    public ScoreCommand {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(version, "version");
    }
}
