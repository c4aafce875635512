package com.segments.domain.cluster;

import java.util.Objects;

/**
 * One integer parameter of an algorithm, with its documented bounds and default.
 *
 * @param name         as typed by a user ({@code k}, {@code restarts})
 * @param description  one line for help texts
 * @param min          smallest accepted value
 * @param max          largest accepted value
 * @param defaultValue used when the user gives none
 */
public record ParameterSpec(String name, String description, int min, int max, int defaultValue) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
    }
}
