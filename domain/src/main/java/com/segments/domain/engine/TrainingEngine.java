package com.segments.domain.engine;

/**
 * A port to an engine that trains where the data lives (Apache Spark on a cluster, or locally) instead of in this
 * process's memory. It fits the feature pipeline and the clustering there and hands back domain values only: a
 * fitted pipeline, plain centres, figures and a sample, never one of its own objects, so the version it yields is
 * scored, served and described like any other. Engines are optional plugins found by the composition root.
 */
public interface TrainingEngine {

    /** The name a user picks the engine by ({@code --engine spark}). */
    String id();

    /**
     * Fits the pipeline and the clustering on the engine.
     *
     * @throws com.segments.domain.SegmentsException naming what is wrong with the request or the data; nothing is
     *                                               stored by an engine
     */
    EngineFit fit(EngineRequest request);
}
