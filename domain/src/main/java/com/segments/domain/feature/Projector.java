package com.segments.domain.feature;

/**
 * Projects rows onto their leading principal components, for pictures of a segmentation (a 2-D scatter). A port:
 * the linear algebra comes from a library behind it.
 */
public interface Projector {

    /** The rows of {@code data} projected onto its first {@code dimensions} principal components. */
    DataMatrix project(DataMatrix data, int dimensions);
}
