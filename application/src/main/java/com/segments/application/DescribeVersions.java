package com.segments.application;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.model.UnknownModelException;

import java.util.List;
import java.util.Optional;

/**
 * The version history as a person reads it: each version's lifecycle facts with what its model says about itself
 * (metrics, parameters, lineage), and one version set beside the version its segments continue, for comparing them.
 * Reads the store directly, so that browsing history does not push the versions predictions use out of
 * {@link ModelLookup}'s cache.
 */
public final class DescribeVersions {

    private final ModelRepository models;

    public DescribeVersions(ModelRepository models) {
        this.models = models;
    }

    /** @param model the trained model, empty for a version that has none (TRAINING, FAILED) */
    public record Version(ModelSummary summary, Optional<TrainedModel> model) {
    }

    /**
     * @param baseline the version it is compared with: the one its segments continue (its lineage), else the one
     *                 before it that has a model; empty for the first
     */
    public record Comparison(Version version, Optional<Version> baseline) {
    }

    /** The newest {@code limit} versions, newest first. */
    public List<Version> recent(int limit) {
        return models.list().stream().limit(limit).map(this::version).toList();
    }

    /** @throws UnknownModelException when no such version exists */
    public Comparison compare(int version) {
        Version shown = version(models.summary(version).orElseThrow(() -> new UnknownModelException(version)));
        Integer from = shown.model().map(TrainedModel::lineage).map(l -> l.fromVersion()).orElse(null);
        Optional<Version> baseline = from != null ? models.summary(from).map(this::version)
                : models.list().stream().filter(s -> s.version() < version)
                .map(this::version).filter(v -> v.model().isPresent()).findFirst();
        return new Comparison(shown, baseline);
    }

    private Version version(ModelSummary summary) {
        return new Version(summary, models.find(summary.version()).map(v -> v.model()));
    }
}
