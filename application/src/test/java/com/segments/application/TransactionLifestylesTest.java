package com.segments.application;

import com.segments.application.sample.SyntheticTransactions;
import com.segments.domain.metric.AdjustedRandIndex;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's lifestyle segments are recovered from the log, each with its dominant spend category. */
class TransactionLifestylesTest {

    @TempDir
    Path dir;

    @Test
    void kMeansOnTransactionProfilesRecoversTheLifestyles() throws IOException {
        Path log = dir.resolve("log.csv");
        Path truth = dir.resolve("truth.csv");
        GenerateTransactions.Report generated = new GenerateTransactions(Wiring.files())
                .generate(new GenerateTransactions.Command(80_000, 1_600, log, truth, 11L));
        assertThat(generated.customers()).isEqualTo(1_600);

        InMemoryModelRepository models = new InMemoryModelRepository();
        Clock clock = Clock.systemUTC();
        TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(),
                new ActivateModel(models, new ActiveModel(models), clock), clock);
        TrainingReport report = train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans",
                Map.of("k", 5), 3L, "test"));
        TrainedModel model = report.model().model();
        assertThat(model.schema().groupColumns()).containsExactly("location", "bank");

        Map<String, Integer> trueSegment = new HashMap<>();
        for (String line : Files.readAllLines(truth).subList(1, 1_601)) {
            String[] cells = line.split(",");
            trueSegment.put(cells[0], Integer.parseInt(cells[1]));
        }
        List<String> ids = Wiring.prepare(DataInput.transactions(log, null, null)).profiles().ids();
        int[] found = ScoringFixture.labels(model, log, true);
        int[] expected = ids.stream().mapToInt(trueSegment::get).toArray();
        assertThat(AdjustedRandIndex.of(expected, found)).isGreaterThan(0.9);

        // each segment's largest share is a different category: the lifestyle's dominant one
        List<String> columns = model.originalColumns();
        Set<String> dominant = new HashSet<>();
        for (Segment segment : model.segments()) {
            String best = null;
            double bestShare = -1;
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).startsWith("share_") && segment.centroidOriginal()[j] > bestShare) {
                    bestShare = segment.centroidOriginal()[j];
                    best = columns.get(j).substring("share_".length());
                }
            }
            assertThat(bestShare).isGreaterThan(0.4);
            dominant.add(best);
        }
        assertThat(dominant).containsExactlyInAnyOrder("Dining", "Transport", "Shopping", "Groceries", "Utilities");
        assertThat(SyntheticTransactions.BANK_MIX[2][2]).as("Bank C has no shoppers, by construction").isZero();
    }
}
