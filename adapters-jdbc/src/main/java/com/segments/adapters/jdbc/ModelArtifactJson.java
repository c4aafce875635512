package com.segments.adapters.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.AssignmentRule;
import com.segments.domain.cluster.CondensedTree;
import com.segments.domain.cluster.HdbscanRule;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.NearestExemplarRule;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.FittedStep;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.lineage.SegmentLineage;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;

import com.segments.domain.drift.DriftReference;
import com.segments.domain.drift.FieldReference;

import java.util.List;
import java.util.Map;

/**
 * A trained model as JSON text, and back. The document is plain numbers and names bound to fixed record types:
 * no class names, no polymorphic typing, so reading an artifact can never instantiate anything but these records.
 * Every document carries a format version; a reader refuses versions it does not know instead of guessing.
 */
final class ModelArtifactJson {

    /**
     * Version 2 added typed fields (categories, dates), group columns and the steps beyond imputation and scaling;
     * version 3 the drift reference (optional: versions without one read as "drift cannot be measured"); version 4
     * the {@code nearest_neighbour} rule (stored training rows and labels in {@code exemplars} and
     * {@code exemplarSegments}, radii in {@code outlierRadius}, each row's confidence in {@code exemplarConfidence});
     * version 5 the {@code hdbscan} rule (training rows and labels in {@code exemplars} and {@code exemplarSegments},
     * with {@code minSamples}, {@code coreDistances}, {@code membership}, the condensed tree in {@code treeParent},
     * {@code treeChild}, {@code treeLambda}, {@code treeSize}, the chosen clusters in {@code segmentClusters} and
     * the GLOSH {@code outlierThreshold}).
     */
    static final int FORMAT_VERSION = 5;
    private static final String FORMAT = "segments-model";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ModelArtifactJson() {
    }

    static String write(TrainedModel model) {
        try {
            return MAPPER.writeValueAsString(toDocument(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model could not be written as JSON", e);
        }
    }

    /** @throws ArtifactFormatException when the text is not a model artifact this version can read */
    static TrainedModel read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new ArtifactFormatException("stored model artifact is not valid: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format()) || document.formatVersion() < 1 || document.formatVersion() > FORMAT_VERSION) {
            throw new ArtifactFormatException("stored model artifact has format " + document.format() + " v"
                    + document.formatVersion() + "; this Segments reads " + FORMAT + " v1 to v" + FORMAT_VERSION);
        }
        try {
            return toModel(document);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ArtifactFormatException("stored model artifact is inconsistent: " + e.getMessage(), e);
        }
    }

    private static Document toDocument(TrainedModel model) {
        List<StepJson> steps = model.preprocessing().steps().stream().map(ModelArtifactJson::stepJson).toList();
        RuleJson rule = switch (model.rule()) {
            case NearestCentroidRule r -> new RuleJson("nearest_centroid", r.segmentCount(), r.dimensions(),
                    r.centroids(), r.outlierRadius(), null, null, null, null, null);
            case NearestExemplarRule r -> new RuleJson("nearest_exemplar", r.segmentCount(), r.dimensions(),
                    null, null, r.exemplars(), r.exemplarSegments(), r.reach(), null, null);
            case NearestNeighbourRule r -> new RuleJson("nearest_neighbour", r.segmentCount(), r.dimensions(),
                    null, r.outlierRadius(), r.exemplars(), r.exemplarSegments(), null, r.exemplarConfidence(), null);
            case HdbscanRule r -> new RuleJson("hdbscan", r.segmentCount(), r.dimensions(), null, null, r.rows(),
                    r.labels(), null, null, HdbscanJson.of(r));
        };
        ModelMetrics m = model.metrics();
        MetricsJson metrics = new MetricsJson(m.inertia(), m.silhouette(), m.silhouetteSampleSize(), m.noiseFraction(),
                m.daviesBouldin(), m.calinskiHarabasz(), Double.isNaN(m.meanStability()) ? null : m.meanStability());
        List<SegmentJson> segments = model.segments().stream().map(s -> new SegmentJson(s.id(), s.size(), s.share(),
                s.centroid(), s.centroidOriginal())).toList();
        return new Document(FORMAT, FORMAT_VERSION, model.algorithm(), model.parameters().values(), model.seed(),
                schemaJson(model.schema()), steps, rule, segments,
                metrics, model.fingerprint(), model.libraryVersions(), model.lineage() == null ? null
                : new LineageJson(model.lineage().fromVersion(), model.lineage().links().stream().map(l -> new LinkJson(
                        l.kind().name(), l.previous(), l.current(), Double.isNaN(l.overlap()) ? null : l.overlap())).toList()),
                referenceJson(model.reference()));
    }

    private static ReferenceJson referenceJson(DriftReference reference) {
        if (reference == null) {
            return null;
        }
        return new ReferenceJson(reference.rows(), reference.fields().stream().map(f -> new FieldReferenceJson(f.name(),
                f.category(), f.missingRate(), Double.isNaN(f.mean()) ? null : f.mean(),
                Double.isNaN(f.spread()) ? null : f.spread(), f.quantiles(), f.edges(), f.shares(),
                f.levels().isEmpty() ? null : f.levels())).toList(), reference.segmentShares(), reference.outlierShares(),
                reference.segmentCentres().length == 0 ? null : reference.segmentCentres(),
                reference.segmentSpreads().length == 0 ? null : reference.segmentSpreads());
    }

    private static DriftReference reference(ReferenceJson r) {
        if (r == null) {
            return null;
        }
        return new DriftReference(r.rows(), r.fields().stream().map(f -> new FieldReference(f.name(), f.category(),
                f.missingRate(), f.mean() == null ? Double.NaN : f.mean(), f.spread() == null ? Double.NaN : f.spread(),
                f.quantiles(), f.edges(), f.shares(), f.levels() == null ? List.of() : f.levels())).toList(),
                r.segmentShares(), r.outlierShares(), r.segmentCentres() == null ? new double[0] : r.segmentCentres(),
                r.segmentSpreads() == null ? new double[0] : r.segmentSpreads());
    }

    private static TrainedModel toModel(Document d) {
        List<FittedStep> steps = d.preprocessing().stream().map(ModelArtifactJson::step).toList();
        RuleJson r = d.rule();
        AssignmentRule rule = switch (r.type()) {
            case "nearest_centroid" -> new NearestCentroidRule(r.segmentCount(), r.dimensions(), r.centroids(), r.outlierRadius());
            case "nearest_exemplar" -> new NearestExemplarRule(r.segmentCount(), r.dimensions(), r.exemplars(),
                    r.exemplarSegments(), r.reach());
            case "nearest_neighbour" -> new NearestNeighbourRule(r.segmentCount(), r.dimensions(), r.exemplars(),
                    r.exemplarSegments(), r.outlierRadius(), r.exemplarConfidence());
            case "hdbscan" -> r.hdbscan().toRule(r);
            default -> throw new ArtifactFormatException("stored model artifact has an unknown assignment rule '" + r.type() + "'");
        };
        List<Segment> segments = d.segments().stream()
                .map(s -> new Segment(s.id(), s.size(), s.share(), s.centroid(), s.centroidOriginal())).toList();
        return new TrainedModel(d.algorithm(), new AlgorithmParameters(d.parameters()), d.seed(),
                schema(d.schema()), new FittedPreprocessing(steps), rule,
                segments, d.metrics().toModel(), d.fingerprint(), d.libraryVersions(), d.lineage() == null ? null
                : new SegmentLineage(d.lineage().fromVersion(), d.lineage().links().stream().map(l -> new SegmentLineage.Link(
                        SegmentLineage.Kind.valueOf(l.kind()), l.previous(), l.current(),
                        l.overlap() == null ? Double.NaN : l.overlap())).toList()), reference(d.reference()));
    }

    private static StepJson stepJson(FittedStep step) {
        StepJson empty = new StepJson(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return switch (step) {
            case ValidRange r -> empty.with("valid_range").bounds(r.lower(), r.upper());
            case DerivedColumns d -> new StepJson("derived", null, null, null, null, null, null, null, null, null, null,
                    d.columns(), d.derived().stream().map(x -> new DerivedJson(x.name(), x.formula(), x.onZero())).toList(), null);
            case Imputation m -> new StepJson("imputation", null, m.values(), null, null, null, null, null, null, null,
                    null, null, null, null);
            case Clipping c -> empty.with("clipping").bounds(c.lower(), c.upper());
            case Log1p l -> new StepJson("log1p", null, null, null, null, null, null, l.columns(), null, null, null, null,
                    null, null);
            case OneHotEncoding o -> new StepJson("one_hot", null, null, null, null, null, null, null, o.buckets(), null,
                    null, null, null, null);
            case Standardisation s -> new StepJson("standardisation", null, null, s.means(), s.scales(), null, null, null,
                    null, null, null, null, null, null);
            case PrincipalComponents p -> new StepJson("pca", null, null, null, null, null, null, null, null, p.mean(),
                    p.components(), null, null, p.explained());
        };
    }

    private static FittedStep step(StepJson s) {
        return switch (s.type()) {
            case "median_imputation" -> new Imputation(s.medians());
            case "imputation" -> new Imputation(s.values());
            case "standardisation" -> new Standardisation(s.means(), s.scales());
            case "valid_range" -> new ValidRange(s.lower(), s.upper());
            case "clipping" -> new Clipping(s.lower(), s.upper());
            case "log1p" -> new Log1p(s.mask());
            case "one_hot" -> new OneHotEncoding(s.buckets());
            case "derived" -> new DerivedColumns(s.columns(), s.derived().stream()
                    .map(x -> new DerivedColumns.Derived(x.name(), x.formula(), x.onZero())).toList());
            case "pca" -> new PrincipalComponents(s.mean(), s.components(), s.explained());
            default -> throw new ArtifactFormatException("stored model artifact has an unknown preprocessing step '" + s.type() + "'");
        };
    }

    private static SchemaJson schemaJson(FeatureSchema schema) {
        return new SchemaJson(schema.idColumn(), schema.features(), schema.fields().stream().map(f -> new FieldJson(
                f.name(), f.kind().name(), f.levels().isEmpty() ? null : f.levels(),
                f.aliases().isEmpty() ? null : f.aliases(), f.ordinal() ? Boolean.TRUE : null, f.dateFormat())).toList(),
                schema.groupColumns().isEmpty() ? null : schema.groupColumns());
    }

    /** Format v1 documents name numeric features only; v2 documents type each field. */
    private static FeatureSchema schema(SchemaJson s) {
        if (s.fields() == null) {
            return new FeatureSchema(s.idColumn(), s.features());
        }
        List<Field> fields = s.fields().stream().map(f -> new Field(f.name(), Field.Kind.valueOf(f.kind()),
                f.levels() == null ? List.of() : f.levels(), f.aliases() == null ? Map.of() : f.aliases(),
                Boolean.TRUE.equals(f.ordinal()), f.dateFormat())).toList();
        return new FeatureSchema(s.idColumn(), fields, s.groupColumns() == null ? List.of() : s.groupColumns());
    }

    record Document(String format, int formatVersion, String algorithm, Map<String, Integer> parameters, long seed,
                    SchemaJson schema, List<StepJson> preprocessing, RuleJson rule, List<SegmentJson> segments,
                    MetricsJson metrics, DataFingerprint fingerprint, Map<String, String> libraryVersions,
                    LineageJson lineage, ReferenceJson reference) {
    }

    /** The drift reference (format v3): per field its training distribution, per segment its share and outliers. */
    record ReferenceJson(long rows, List<FieldReferenceJson> fields, double[] segmentShares, double[] outlierShares,
                         double[] segmentCentres, double[] segmentSpreads) {
    }

    record FieldReferenceJson(String name, boolean category, double missingRate, Double mean, Double spread,
                              double[] quantiles, double[] edges, double[] shares, List<String> levels) {
    }

    record LineageJson(int fromVersion, List<LinkJson> links) {
    }

    record LinkJson(String kind, List<Integer> previous, List<Integer> current, Double overlap) {
    }

    record SchemaJson(String idColumn, List<String> features, List<FieldJson> fields, List<String> groupColumns) {
    }

    record FieldJson(String name, String kind, List<String> levels, Map<String, String> aliases, Boolean ordinal,
                     String dateFormat) {
    }

    /** One record for every step type; each type fills only its own properties. */
    record StepJson(String type, double[] medians, double[] values, double[] means, double[] scales, double[] lower,
                    double[] upper, boolean[] mask, int[] buckets, double[] mean, double[] components,
                    List<String> columns, List<DerivedJson> derived, double[] explained) {
        StepJson with(String newType) {
            return new StepJson(newType, medians, values, means, scales, lower, upper, mask, buckets, mean, components,
                    columns, derived, explained);
        }

        StepJson bounds(double[] newLower, double[] newUpper) {
            return new StepJson(type, medians, values, means, scales, newLower, newUpper, mask, buckets, mean,
                    components, columns, derived, explained);
        }
    }

    record DerivedJson(String name, String formula, double onZero) {
    }

    /** One record for every rule type; each type fills only its own properties. */
    record RuleJson(String type, int segmentCount, int dimensions, double[] centroids, double[] outlierRadius,
                    double[] exemplars, int[] exemplarSegments, double[] reach, double[] exemplarConfidence,
                    HdbscanJson hdbscan) {
    }

    /** What the {@code hdbscan} rule (format v5) keeps beside its rows and labels. */
    record HdbscanJson(int minSamples, double[] coreDistances, double[] membership, int[] treeParent, int[] treeChild,
                       double[] treeLambda, int[] treeSize, int[] segmentClusters, double outlierThreshold) {
        static HdbscanJson of(HdbscanRule r) {
            CondensedTree t = r.tree();
            return new HdbscanJson(r.minSamples(), r.coreDistances(), r.membership(), t.parent(), t.child(), t.lambda(),
                    t.size(), r.segmentClusters(), r.outlierThreshold());
        }

        HdbscanRule toRule(RuleJson r) {
            CondensedTree tree = new CondensedTree(r.exemplarSegments().length, treeParent, treeChild, treeLambda, treeSize);
            return new HdbscanRule(r.segmentCount(), r.dimensions(), minSamples, r.exemplars(), coreDistances,
                    r.exemplarSegments(), membership, tree, segmentClusters, outlierThreshold);
        }
    }

    /** Metrics added after format v1's first models are optional: absent reads as NaN (not recorded). */
    record MetricsJson(double inertia, double silhouette, int silhouetteSampleSize, Double noiseFraction,
                       Double daviesBouldin, Double calinskiHarabasz, Double meanStability) {
        ModelMetrics toModel() {
            return new ModelMetrics(inertia, silhouette, silhouetteSampleSize, orNaN(noiseFraction),
                    orNaN(daviesBouldin), orNaN(calinskiHarabasz), orNaN(meanStability));
        }

        private static double orNaN(Double value) {
            return value == null ? Double.NaN : value;
        }
    }

    record SegmentJson(int id, long size, double share, double[] centroid, double[] centroidOriginal) {
    }
}
