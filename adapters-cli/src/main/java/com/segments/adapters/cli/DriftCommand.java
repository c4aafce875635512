package com.segments.adapters.cli;

import com.segments.application.MeasureDrift;
import com.segments.application.ModelReference;
import com.segments.domain.drift.DriftReport;
import com.segments.domain.drift.DriftThresholds;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare a batch of customers with the data a model version was trained on.",
                "Per field: PSI over the training deciles (or levels), Wasserstein distance in training standard "
                        + "deviations, Kolmogorov-Smirnov or chi-square with p-values, missing share; per segment: "
                        + "share and outliers. One verdict (stable, watch, drifted) with its reasons, strongest first."})
class DriftCommand implements Runnable {

    @Inject
    MeasureDrift measureDrift;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "the batch of customers")
    Path data;

    @Option(names = "--model", paramLabel = "VERSION|ALIAS", description = "model version or alias (default: the active one)")
    String model;

    @Option(names = "--delimiter", paramLabel = "C", converter = Delimiters.class,
            description = "field separator of the input: ',', ';' or 'tab' (default: detected)")
    Character delimiter;

    @Option(names = "--psi-watch", paramLabel = "X", description = "PSI from which a field or the segment shares are "
            + "worth watching (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double psiWatch;

    @Option(names = "--psi-drifted", paramLabel = "X", description = "PSI from which they have drifted "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "0.25")
    double psiDrifted;

    @Option(names = "--missing-watch", paramLabel = "X", description = "rise of a field's missing share worth watching "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "0.05")
    double missingWatch;

    @Option(names = "--missing-drifted", paramLabel = "X", description = "rise of a field's missing share from which it "
            + "has drifted (default: ${DEFAULT-VALUE})", defaultValue = "0.10")
    double missingDrifted;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "also write the report as a page that opens "
            + "offline: each field's training and current distribution side by side")
    Path report;

    @Override
    public void run() {
        DriftThresholds defaults = DriftThresholds.DEFAULTS;
        DriftThresholds thresholds = new DriftThresholds(psiWatch, psiDrifted, missingWatch, missingDrifted,
                defaults.outlierFactor(), defaults.outlierMinimum());
        MeasureDrift.Result result = measureDrift.measure(new MeasureDrift.Command(data, delimiter,
                ModelReference.parse(model), thresholds));
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            Reports.write(report, DriftPage.html(result, data.getFileName().toString()));
        }
        if (json) {
            out.println(Json.write(json(result)));
        } else {
            text(out, result);
        }
        out.flush();
    }

    private void text(PrintWriter out, MeasureDrift.Result result) {
        DriftReport report = result.report();
        out.printf("Drift of %s (%s rows) against model version %d: %s%n", data.getFileName(),
                Numbers.count(report.rows()), report.version(), report.verdict().word().toUpperCase(java.util.Locale.ROOT));
        report.reasons().forEach(reason -> out.println("  - " + reason));
        if (!result.unusedColumns().isEmpty()) {
            out.printf("note: model version %d does not use the column(s) %s%n", report.version(),
                    String.join(", ", result.unusedColumns()));
        }
        out.println();
        TextTable fields = TextTable.numeric().row("field", "level", "PSI", "Wasserstein/sd", "KS", "p-value",
                "missing then", "missing now", "median then", "median now");
        for (DriftReport.FieldDrift f : report.fields()) {
            fields.row(f.name(), f.level().word(), figure(f.psi()), figure(f.wasserstein()), figure(f.ks()),
                    pValue(f.pValue()), Numbers.percent(f.referenceMissing()), Numbers.percent(f.currentMissing()),
                    Numbers.value(f.referenceMedian()), Numbers.value(f.currentMedian()));
        }
        out.print(fields.render());
        out.println();
        TextTable segments = TextTable.numeric(2).row("segment", "name", "level", "share then", "share now",
                "outliers then", "outliers now", "moved (spreads)");
        for (DriftReport.SegmentDrift s : report.segments()) {
            segments.row(Integer.toString(s.segment()), result.segmentNames().get(s.segment()), s.level().word(),
                    Numbers.percent(s.referenceShare()), Numbers.percent(s.currentShare()),
                    Numbers.percent(s.referenceOutliers()), Numbers.percent(s.currentOutliers()), figure(s.move()));
        }
        out.print(segments.render());
        out.printf("segment shares: PSI %s, chi-square %s (p = %s)%n", figure(report.sharePsi()),
                figure(report.shareChiSquare()), pValue(report.sharePValue()));
    }

    private static Map<String, Object> json(MeasureDrift.Result result) {
        DriftReport report = result.report();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("modelVersion", report.version());
        root.put("rows", report.rows());
        root.put("verdict", report.verdict().word());
        root.put("reasons", report.reasons());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (DriftReport.FieldDrift f : report.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("category", f.category());
            field.put("level", f.level().word());
            field.put("psi", number(f.psi()));
            field.put("wasserstein", number(f.wasserstein()));
            field.put("ks", number(f.ks()));
            field.put("pValue", number(f.pValue()));
            field.put("referenceMissing", f.referenceMissing());
            field.put("currentMissing", f.currentMissing());
            field.put("referenceMedian", number(f.referenceMedian()));
            field.put("currentMedian", number(f.currentMedian()));
            field.put("bins", f.bins());
            field.put("referenceShares", f.referenceShares());
            field.put("currentShares", f.currentShares());
            fields.add(field);
        }
        root.put("fields", fields);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (DriftReport.SegmentDrift s : report.segments()) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("segment", s.segment());
            segment.put("name", result.segmentNames().get(s.segment()));
            segment.put("level", s.level().word());
            segment.put("referenceShare", s.referenceShare());
            segment.put("currentShare", s.currentShare());
            segment.put("referenceOutliers", s.referenceOutliers());
            segment.put("currentOutliers", s.currentOutliers());
            segment.put("move", number(s.move()));
            segments.add(segment);
        }
        root.put("segments", segments);
        root.put("sharePsi", report.sharePsi());
        root.put("shareChiSquare", report.shareChiSquare());
        root.put("sharePValue", number(report.sharePValue()));
        root.put("unusedColumns", result.unusedColumns());
        return root;
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : Numbers.metric(value);
    }

    private static String pValue(double value) {
        return Double.isNaN(value) ? "-" : value < 1e-4 ? "<0.0001" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
