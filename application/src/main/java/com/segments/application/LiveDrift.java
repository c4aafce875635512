package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.drift.DriftMeter;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.drift.DriftThresholds;
import com.segments.domain.drift.SignificanceTests;
import com.segments.domain.model.ModelVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rolling summary of what predict saw, per version, in fixed memory and without any customer's values: counts per
 * PSI bin, level, segment and outlier flag. The window holds the last {@code window} to {@code 2 * window}
 * predictions (a full previous half and the current one); the live report compares it with the version's reference.
 */
public final class LiveDrift {

    private final int window;
    private final SegmentNames names;
    private final SignificanceTests tests;
    private final DriftThresholds thresholds;
    private final Map<Integer, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param window predictions per half-window (at least 100), or 0 to count nothing (live drift off)
     * @param names  segment names for the reasons (null: "Segment N")
     */
    public LiveDrift(int window, SegmentNames names, SignificanceTests tests, DriftThresholds thresholds) {
        if (window != 0 && window < 100) {
            throw new IllegalArgumentException("a live drift window of " + window + " predictions is too small to "
                    + "measure anything; use 100 or more, or 0 to turn live drift off");
        }
        this.window = window;
        this.names = names;
        this.tests = tests;
        this.thresholds = thresholds;
    }

    /** Counts one prediction: the customer's raw values (before assignment) and what it was assigned. */
    public void observe(ModelVersion version, double[] raw, Assignment assignment) {
        DriftReference reference = version.model().reference();
        if (reference == null || window == 0) {
            return;
        }
        windows.computeIfAbsent(version.version(), v -> new Window(reference))
                .add(raw, assignment.segment(), assignment.outlier());
    }

    /** The live window of a version compared with its reference, with the version's segment names. */
    public MeasureDrift.Result report(ModelVersion version) {
        if (window == 0) {
            throw new SegmentsException("live drift is off on this server (segments.drift.live-window is 0)");
        }
        if (version.model().reference() == null) {
            throw new SegmentsException("model version " + version.version() + " was trained before drift references "
                    + "were kept, so drift cannot be measured against it; retrain it to get one");
        }
        Window live = windows.get(version.version());
        DriftMeter merged = live == null ? null : live.snapshot();
        if (merged == null || merged.rows() == 0) {
            throw new SegmentsException("model version " + version.version() + " has answered no prediction since "
                    + "the server started; live drift needs predictions to compare");
        }
        int k = version.model().segmentCount();
        List<String> segmentNames = names != null ? names.names(version.version(), k)
                : java.util.stream.IntStream.range(0, k).mapToObj(s -> "Segment " + s).toList();
        return new MeasureDrift.Result(merged.report(version.version(), thresholds, tests, segmentNames::get),
                segmentNames, List.of());
    }

    private final class Window {
        private final DriftReference reference;
        private DriftMeter previous;
        private DriftMeter current;

        Window(DriftReference reference) {
            this.reference = reference;
            this.current = new DriftMeter(reference, 0);
        }

        synchronized void add(double[] raw, int segment, boolean outlier) {
            current.addRow(raw, 0, segment, outlier);
            if (current.rows() >= window) {
                previous = current;
                current = new DriftMeter(reference, 0);
            }
        }

        synchronized DriftMeter snapshot() {
            DriftMeter merged = new DriftMeter(reference, 0);
            if (previous != null) {
                merged.addAll(previous);
            }
            merged.addAll(current);
            return merged;
        }
    }
}
