package com.segments.application;

import com.segments.domain.profile.SegmentLabel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentNamesTest {

    /** Predictions must not wait on an unreachable database at every request: a failed read is not retried at once. */
    @Test
    void aStoreThatIsAwayIsAskedAgainOnlyWhenWhatIsKnownIsStale() {
        AtomicInteger reads = new AtomicInteger();
        InMemorySegmentCatalog up = new InMemorySegmentCatalog();
        up.saveLabels(1, List.of(new SegmentLabel(0, "Savers", "", List.of(), false)));
        boolean[] down = {false};
        SegmentNames names = new SegmentNames(new InMemorySegmentCatalog() {
            @Override
            public synchronized List<SegmentLabel> labels(int version) {
                reads.incrementAndGet();
                if (down[0]) {
                    throw new IllegalStateException("the store is unreachable");
                }
                return up.labels(version);
            }
        });
        assertThat(names.label(1, 0)).map(SegmentLabel::name).hasValue("Savers");
        down[0] = true;
        names.forget(1);
        assertThat(names.label(1, 0)).isEmpty();
        assertThat(names.label(1, 0)).isEmpty();
        assertThat(names.labels(1)).isEmpty();
        assertThat(reads).hasValue(2);
    }
}
