package com.segments.application;

import com.segments.application.data.BatchScorer;
import com.segments.domain.model.ModelVersion;

/**
 * Scores a whole file with one model, streaming: memory does not grow with the file. The output appears only when
 * every row has been scored; a bad row leaves no partial file behind.
 */
public final class ScoreBatch {

    private final ModelLookup lookup;

    public ScoreBatch(ModelLookup lookup) {
        this.lookup = lookup;
    }

    public ScoreReport score(ScoreCommand command) {
        ModelVersion model = lookup.resolve(command.version());
        return BatchScorer.score(model, command.data(), command.delimiter(), command.out());
    }
}
