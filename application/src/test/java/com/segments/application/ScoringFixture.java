package com.segments.application;

import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.model.TrainedModel;

import java.nio.file.Path;

/** Labels every row of a file with a model, for tests that compare models. */
final class ScoringFixture {

    private ScoringFixture() {
    }

    static int[] labels(TrainedModel model, Path file) {
        return labels(model, file, false);
    }

    static int[] labels(TrainedModel model, Path file, boolean transactions) {
        CustomerProfiles profiles = Wiring.prepare(transactions ? DataInput.transactions(file, null, null)
                : DataInput.customers(file, null, null)).profiles();
        int[] labels = new int[profiles.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = model.assignInPlace(profiles.values().row(i)).segment();
        }
        return labels;
    }
}
