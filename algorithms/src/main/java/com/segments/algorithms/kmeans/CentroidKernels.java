package com.segments.algorithms.kmeans;

import com.segments.domain.cluster.CentroidKernel;

/**
 * Picks the many-rows distance kernel: the Vector API one ({@link VectorCentroidKernel}) where the JVM was started
 * with {@code --add-modules jdk.incubator.vector} and vectors have at least four lanes, else the scalar reference.
 * Both give the same bits; the system property {@code segments.kernel=scalar} forces the reference, for benchmarks
 * that measure one against the other. The k-means fit uses it, and the composition root installs it for scoring
 * ({@link com.segments.domain.cluster.CentroidDistances#useKernel}).
 */
public final class CentroidKernels {

    /** The incubating module the vector kernel needs; absent unless the JVM was asked for it. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final CentroidKernel FASTEST = choose();

    private CentroidKernels() {
    }

    /** The fastest kernel this JVM can run. */
    public static CentroidKernel fastest() {
        return FASTEST;
    }

    private static CentroidKernel choose() {
        if ("scalar".equals(System.getProperty("segments.kernel"))
                || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return CentroidKernel.SCALAR;
        }
        // Only referenced once the module is known to be there: loading the class links the Vector API.
        return VectorCentroidKernel.worthwhile() ? new VectorCentroidKernel() : CentroidKernel.SCALAR;
    }
}
