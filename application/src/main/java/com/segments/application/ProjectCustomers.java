package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Projector;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.Table;
import com.segments.domain.table.TextColumn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map of a version's customers: the rows of the data it was trained on (while that data can still be read), each
 * placed by the model, drawn on the first two principal components of the model's own space, as the compare
 * report draws its scatter. Above {@link #MAX_POINTS} rows a seeded uniform sample is drawn, so that a page stays
 * smooth. A version never changes, so its map is computed once and kept.
 */
public final class ProjectCustomers {

    /** At most this many customers on a map. */
    public static final int MAX_POINTS = 10_000;
    private static final int CACHED_VERSIONS = 4;
    private static final int BLOCK_ROWS = 16_384;
    static final String STORED_TRANSACTIONS = "fact_transactions";

    private final ModelLookup lookup;
    private final DataReader reader;
    private final Map<Integer, Projection> maps = new ConcurrentHashMap<>();

    public ProjectCustomers(ModelLookup lookup, DataReader reader) {
        this.lookup = lookup;
        this.reader = reader;
    }

    /** One customer on the map: its id (or row number), its segment (-1 for noise) and its place. */
    public record Point(String id, int segment, double x, double y) {
    }

    /**
     * @param rows        the rows of the training data read (the points are all of them, or a sample)
     * @param points      at most {@link #MAX_POINTS}, in the data's order
     * @param unavailable why there is no map (the data cannot be read any more, say), or null
     */
    public record Projection(int version, String source, long rows, List<Point> points, String unavailable) {
        public Projection {
            points = List.copyOf(points);
        }
    }

    public Projection project(ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        Projection known = maps.get(version.version());
        if (known != null) {
            return known;
        }
        Projection made = compute(version);
        if (maps.size() >= CACHED_VERSIONS) {
            maps.clear();
        }
        maps.put(version.version(), made);
        return made;
    }

    private Projection compute(ModelVersion version) {
        TrainedModel model = version.model();
        String source = model.fingerprint().source();
        String name = STORED_TRANSACTIONS.equals(source) ? source : Path.of(source).getFileName().toString();
        Optional<Projector> projector = reader.projector();
        if (projector.isEmpty()) {
            return new Projection(version.version(), name, 0, List.of(), "no linear algebra plugin is installed to draw it");
        }
        Sample sample = new Sample(model, model.seed());
        try {
            read(source, model.schema(), sample);
        } catch (SegmentsException e) {
            return new Projection(version.version(), name, 0, List.of(),
                    "the data version " + version.version() + " was trained on (" + name + ") cannot be read here any more");
        }
        return new Projection(version.version(), name, sample.seen, sample.points(projector.get()), null);
    }

    /** A customer table first; a transaction log (whose columns are not the model's features) when that fails. */
    private void read(String source, FeatureSchema schema, Sample sample) {
        if (STORED_TRANSACTIONS.equals(source)) {
            reader.readForModel(DataInput.storedTransactions(null), schema, List.of(), BLOCK_ROWS, sample::add);
            return;
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new SegmentsException("no such file");
        }
        try {
            reader.readForModel(DataInput.customers(file, null, null), schema, List.of(), BLOCK_ROWS, sample::add);
        } catch (SegmentsException notATable) {
            sample.clear();
            reader.readForModel(DataInput.transactions(file, null, null), schema, List.of(), BLOCK_ROWS, sample::add);
        }
    }

    /** A seeded reservoir of the customers read, each kept with its place in the model's space and its segment. */
    private static final class Sample {
        private final TrainedModel model;
        private final long seed;
        private SplittableRandom random;
        private long seen;
        private long[] rows;
        private String[] ids;
        private int[] segments;
        private double[][] vectors;
        private int kept;

        Sample(TrainedModel model, long seed) {
            this.model = model;
            this.seed = seed;
            clear();
        }

        void clear() {
            random = new SplittableRandom(seed);
            seen = 0;
            kept = 0;
            rows = new long[MAX_POINTS];
            ids = new String[MAX_POINTS];
            segments = new int[MAX_POINTS];
            vectors = new double[MAX_POINTS][];
        }

        void add(Table block) {
            FeatureSchema schema = model.schema();
            DataMatrix raw = SchemaReads.rawMatrix(schema, block);
            TextColumn idColumn = schema.idColumn() != null && block.header().contains(schema.idColumn())
                    && block.column(schema.idColumn()) instanceof TextColumn text ? text : null;
            for (int i = 0; i < raw.rows(); i++) {
                long row = seen++;
                int slot = kept < MAX_POINTS ? kept++ : (int) random.nextLong(seen);
                if (slot >= MAX_POINTS) {
                    continue;
                }
                double[] vector = model.preprocessing().transformInPlace(raw.row(i));
                Assignment assignment = model.rule().assign(vector);
                rows[slot] = row;
                ids[slot] = idColumn == null ? Long.toString(row + 1) : idColumn.text(i);
                segments[slot] = assignment.segment();
                vectors[slot] = vector.clone();
            }
        }

        /** The kept customers in the data's order, on the first two principal components of their vectors. */
        List<Point> points(Projector projector) {
            Integer[] order = new Integer[kept];
            for (int i = 0; i < kept; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(rows[a], rows[b]));
            double[][] ordered = new double[kept][];
            for (int i = 0; i < kept; i++) {
                ordered[i] = vectors[order[i]];
            }
            if (kept < 3) {
                return List.of();
            }
            DataMatrix data = DataMatrix.ofRows(ordered);
            DataMatrix plane = data.columns() >= 2 ? projector.project(data, 2) : null;
            List<Point> points = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                int slot = order[i];
                points.add(new Point(ids[slot], segments[slot], plane == null ? ordered[i][0] : plane.get(i, 0),
                        plane == null ? 0 : plane.get(i, 1)));
            }
            return points;
        }
    }
}
