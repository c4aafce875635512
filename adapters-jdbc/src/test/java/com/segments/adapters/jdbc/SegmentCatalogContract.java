package com.segments.adapters.jdbc;

import com.segments.domain.model.ModelRepository;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.LevelProfile;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SegmentCatalog} must do; each database gets a subclass. */
abstract class SegmentCatalogContract {

    private TestDatabases.Database database;
    private ApplicationContext context;
    private SegmentCatalog catalog;
    private int version;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() {
        database = database();
        context = ApplicationContext.run(database.properties());
        catalog = context.getBean(SegmentCatalog.class);
        version = context.getBean(ModelRepository.class)
                .add(ModelFixtures.twoSegments("x.csv"), Instant.parse("2026-01-01T00:00:00Z"), "test").version();
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    @Test
    void profilesReadBackEqual() {
        List<SegmentProfile> profiles = List.of(new SegmentProfile(0, 10, 0.4,
                        List.of(new FeatureProfile("PURCHASES", 900.5, 800, 400, 361.28, 1.25)),
                        List.of(new LevelProfile("bank", "Bank B", 0.6, 0.3))),
                new SegmentProfile(1, 15, 0.6, List.of(new FeatureProfile("PURCHASES", Double.NaN, 1, 400, 361.28, 0)),
                        List.of()));
        assertThat(catalog.profiles(version)).isEmpty();
        catalog.saveProfiles(version, profiles);
        List<SegmentProfile> read = catalog.profiles(version);
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isEqualTo(profiles.get(0));
        assertThat(read.get(1).features().getFirst().mean()).isNaN();
    }

    @Test
    void labelsAreReplacedPerSegmentAndKeepTheirOffersAndEditMark() {
        catalog.saveLabels(version, List.of(new SegmentLabel(0, "Big Spenders", "spend", List.of("Upgrade", "Lounge"), false),
                new SegmentLabel(1, "Savers", "save", List.of(), false)));
        catalog.saveLabels(version, List.of(new SegmentLabel(1, "Thrifty", "renamed", List.of("Savings bonus"), true)));
        assertThat(catalog.labels(version)).containsExactly(
                new SegmentLabel(0, "Big Spenders", "spend", List.of("Upgrade", "Lounge"), false),
                new SegmentLabel(1, "Thrifty", "renamed", List.of("Savings bonus"), true));
        assertThat(catalog.labels(version + 1)).isEmpty();
    }
}
