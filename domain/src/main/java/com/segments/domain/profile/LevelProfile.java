package com.segments.domain.profile;

/** One level of a categorical feature: its share in a segment against its share in the whole population. */
public record LevelProfile(String feature, String level, double share, double populationShare) {

    /** How many times more common the level is in the segment than overall. */
    public double lift() {
        return populationShare == 0 ? Double.POSITIVE_INFINITY : share / populationShare;
    }
}
