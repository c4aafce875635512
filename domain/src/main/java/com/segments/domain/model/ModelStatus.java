package com.segments.domain.model;

/**
 * Where a model version is in its life: READY once stored, ACTIVE while predictions use it, RETIRED once replaced,
 * FAILED (with a reason) when its training did not finish. TRAINING is a version whose training is under way.
 */
public enum ModelStatus {
    TRAINING, READY, ACTIVE, RETIRED, FAILED
}
