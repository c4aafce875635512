package com.segments.adapters.cli;

import com.segments.application.CompareAlgorithms;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.GapStatistic;
import com.segments.domain.metric.SelectionRule;
import com.segments.domain.metric.Stability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison as one self-contained HTML page (inline SVG and CSS, no script, nothing fetched), so it opens
 * offline and can be mailed: the elbow curve, silhouette by k, stability per segment and a 2-D PCA scatter of the
 * recommended configuration, what each criterion prefers, what was excluded and why, and every configuration.
 */
final class HtmlReport {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
    private static final int WIDTH = 520;
    private static final int HEIGHT = 300;
    private static final int MARGIN = 48;

    private HtmlReport() {
    }

    static String of(CompareAlgorithms.Comparison c) {
        StringBuilder html = new StringBuilder();
        CompareAlgorithms.Recommendation r = c.recommendation();
        SelectionRule.Decision d = r.decision();
        Optional<CompareAlgorithms.Outcome> chosen = r.chosen();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Segments comparison: ")
                .append(escape(c.inference().source())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1150px}")
                .append("table{border-collapse:collapse;font-size:14px}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}td.text,th.text{text-align:left}tr.chosen{background:#eef6ee;font-weight:600}")
                .append("tr.excluded{color:#888}.charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}")
                .append("svg text{font-size:11px;fill:#444}</style></head><body>");
        html.append("<h1>Which segmentation to trust</h1><p>")
                .append(escape(String.format(Locale.ROOT, "%s: %,d customers, %d features. %d configurations compared in %.0f s; "
                                + "stability from %d bootstrap refits of up to %,d rows each; seed %d. ", c.inference().source(),
                        c.rows(), c.features().size(), c.outcomes().size(), c.elapsed().toMillis() / 1000.0,
                        c.effort().bootstrap(), c.effort().stabilityRows(), c.seed())))
                .append(escape(CompareCommand.ComparisonText.rangeSentence(r))).append(".</p>");
        html.append("<h2>Recommendation (rule &lsquo;").append(escape(d.goal().id())).append("&rsquo;): ")
                .append(escape(d.chosen().map(SelectionRule.Evidence::label).orElse("none"))).append("</h2><p>")
                .append(escape(d.why())).append("</p>");
        r.widerRange().ifPresent(w -> html.append("<p><strong>The chosen k is the largest searched</strong>: there may be "
                + "more segments than the range covers; compare again with <code>--k ").append(w).append("</code>.</p>"));
        d.notes().forEach(n -> html.append("<p>").append(escape(n)).append("</p>"));
        html.append("<h2>What each criterion prefers</h2>").append(criteria(d));
        if (!d.excluded().isEmpty()) {
            html.append("<h2>Not recommended, and why</h2><ul>");
            d.excluded().forEach(e -> html.append("<li><strong>").append(escape(e.label())).append("</strong>: ")
                    .append(escape(e.reason())).append("</li>"));
            html.append("</ul>");
        }
        html.append("<div class=\"charts\">");
        String signal = r.signalAlgorithm();
        html.append(figure("Elbow: " + signal + " inertia by k", lineChart(series(c, signal, o -> o.quality().withinSumOfSquares()),
                "k", "inertia", r.elbowK().isPresent() ? r.elbowK().getAsInt() : null, "elbow")));
        r.gap().ifPresent(g -> html.append(figure("Gap statistic (" + signal + ", " + g.draws()
                + " uniform reference draws; the 1-SE choice marked)", lineChart(gapSeries(g), "k", "gap",
                g.chosen().isPresent() ? g.chosen().getAsInt() : null, "1-SE"))));
        Map<String, List<double[]>> silhouettes = new LinkedHashMap<>();
        for (CompareAlgorithms.Outcome o : c.outcomes()) {
            if (!o.failed() && o.k().isPresent()) {
                silhouettes.computeIfAbsent(o.algorithm(), a -> new ArrayList<>())
                        .add(new double[] {o.k().getAsInt(), o.quality().silhouette()});
            }
        }
        silhouettes.values().forEach(points -> points.sort((a, b) -> Double.compare(a[0], b[0])));
        html.append(figure("Silhouette by k", lineChart(silhouettes, "k", "silhouette", null, "")));
        chosen.filter(o -> o.stability() != null).ifPresent(o -> html.append(figure(
                "Stability per segment: " + o.shortLabel(), stabilityChart(o.stability()))));
        chosen.ifPresent(o -> c.projection().ifPresent(p -> html.append(figure(
                "Customers on the first two principal components, coloured by segment: " + o.shortLabel(),
                scatter(p, c.projected(), o.labels())))));
        html.append("</div><h2>All configurations</h2>").append(table(c)).append("</body></html>\n");
        return html.toString();
    }

    private static String criteria(SelectionRule.Decision d) {
        StringBuilder t = new StringBuilder("<table><tr><th>criterion</th><th class=\"text\">prefers</th><th class=\"text\">what it rewards</th></tr>");
        for (SelectionRule.Preference p : d.preferences()) {
            t.append("<tr><td>").append(escape(p.criterion())).append("</td><td class=\"text\">")
                    .append(escape(p.prefers().orElse(p.k().isPresent() ? "k=" + p.k().getAsInt() : "no preference")))
                    .append("</td><td class=\"text\">").append(escape(p.meaning())).append("</td></tr>");
        }
        return t.append("</table><p>").append(escape(CompareCommand.ComparisonText.agreement(d.agreeingK()))).append("</p>")
                .toString();
    }

    private static Map<String, List<double[]>> gapSeries(GapStatistic.Result g) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < g.ks().length; i++) {
            points.add(new double[] {g.ks()[i], g.gap()[i]});
        }
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("gap", points);
        return series;
    }

    private static Map<String, List<double[]>> series(CompareAlgorithms.Comparison c, String algorithm,
                                                      java.util.function.ToDoubleFunction<CompareAlgorithms.Outcome> y) {
        List<double[]> points = new ArrayList<>();
        for (CompareAlgorithms.Outcome o : c.outcomes()) {
            if (!o.failed() && o.algorithm().equals(algorithm) && o.k().isPresent()) {
                points.add(new double[] {o.k().getAsInt(), y.applyAsDouble(o)});
            }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        if (!points.isEmpty()) {
            series.put(algorithm, points);
        }
        return series;
    }

    private static String figure(String caption, String svg) {
        return "<figure><figcaption>" + escape(caption) + "</figcaption>" + svg + "</figure>";
    }

    private static String lineChart(Map<String, List<double[]>> series, String xLabel, String yLabel, Integer markX,
                                    String markLabel) {
        List<double[]> all = series.values().stream().flatMap(List::stream).filter(p -> Double.isFinite(p[1])).toList();
        if (all.isEmpty()) {
            return "<p>(nothing to plot)</p>";
        }
        double[] xs = bounds(all, 0);
        double[] ys = bounds(all, 1);
        StringBuilder svg = svgStart().append(axes(xs, ys, xLabel, yLabel, true));
        // k is a whole number: one tick per k plotted.
        all.stream().mapToDouble(p -> p[0]).distinct().forEach(k -> svg.append(String.format(Locale.ROOT,
                "<text x=\"%s\" y=\"%d\">%d</text>", fmt(x(k, xs) - 3), HEIGHT - MARGIN + 14, (long) k)));
        int s = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : entry.getValue()) {
                if (!Double.isFinite(p[1])) {
                    continue;
                }
                path.append(path.isEmpty() ? "M" : "L").append(fmt(x(p[0], xs))).append(',').append(fmt(y(p[1], ys)));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>",
                        fmt(x(p[0], xs)), fmt(y(p[1], ys)), colour));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\" style=\"fill:%s\">%s</text>",
                    WIDTH - MARGIN - 90, MARGIN / 2 + 14 * s, colour, colour, escape(entry.getKey())));
            s++;
        }
        if (markX != null) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%s\" x2=\"%s\" y1=\"%d\" y2=\"%d\" stroke=\"#d62728\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%s\" y=\"%d\">%s k=%d</text>", fmt(x(markX, xs)), fmt(x(markX, xs)),
                    MARGIN / 2, HEIGHT - MARGIN, fmt(x(markX, xs) + 4), MARGIN / 2 + 10, escape(markLabel), markX));
        }
        return svg.append("</svg>").toString();
    }

    private static String stabilityChart(Stability.Result stability) {
        double[] jaccard = stability.jaccard();
        StringBuilder svg = svgStart().append(axes(new double[] {-0.5, jaccard.length - 0.5}, new double[] {0, 1},
                "segment", "mean Jaccard", true));
        double band = (WIDTH - 2.0 * MARGIN) / jaccard.length;
        for (int c = 0; c < jaccard.length; c++) {
            double top = y(jaccard[c], new double[] {0, 1});
            String colour = jaccard[c] <= Stability.DISSOLVED ? "#d62728" : jaccard[c] >= Stability.STABLE ? "#2ca02c" : "#ff7f0e";
            svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>"
                            + "<text x=\"%s\" y=\"%d\">%d</text><text x=\"%s\" y=\"%s\">%.2f</text>",
                    fmt(MARGIN + c * band + band * 0.15), fmt(top), fmt(band * 0.7), fmt(HEIGHT - MARGIN - top), colour,
                    fmt(MARGIN + c * band + band * 0.45), HEIGHT - MARGIN + 14, c,
                    fmt(MARGIN + c * band + band * 0.3), fmt(top - 3), jaccard[c]));
        }
        for (double threshold : new double[] {Stability.DISSOLVED, Stability.STABLE}) {
            double ty = y(threshold, new double[] {0, 1});
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%s\" y2=\"%s\" stroke=\"#555\" "
                    + "stroke-dasharray=\"4 3\"/>", MARGIN, WIDTH - MARGIN, fmt(ty), fmt(ty)));
        }
        return svg.append("</svg>").toString();
    }

    private static String scatter(DataMatrix projection, int[] rows, int[] labels) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < projection.rows(); i++) {
            points.add(new double[] {projection.get(i, 0), projection.get(i, 1), labels[rows[i]]});
        }
        double[] xs = bounds(points, 0);
        double[] ys = bounds(points, 1);
        StringBuilder svg = svgStart().append(axes(xs, ys, "PC1", "PC2"));
        for (double[] p : points) {
            int label = (int) p[2];
            String colour = label < 0 ? "#bbbbbb" : COLOURS[label % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"1.8\" fill=\"%s\" fill-opacity=\"0.7\"/>",
                    fmt(x(p[0], xs)), fmt(y(p[1], ys)), colour));
        }
        return svg.append("</svg>").toString();
    }

    private static String table(CompareAlgorithms.Comparison c) {
        StringBuilder t = new StringBuilder("<table><tr><th>configuration</th><th>segments</th><th>noise</th>"
                + "<th>silhouette</th><th>Davies-Bouldin</th><th>Calinski-Harabasz</th><th>stability</th>"
                + "<th>weakest segment</th><th>prediction agreement</th><th>fit s</th><th class=\"text\">verdict</th></tr>");
        CompareAlgorithms.Recommendation r = c.recommendation();
        for (CompareAlgorithms.Outcome o : c.outcomes()) {
            boolean chosen = r.chosen().map(x -> x == o).orElse(false);
            Optional<String> excluded = r.decision().excluded().stream().filter(e -> e.label().equals(o.shortLabel()))
                    .map(SelectionRule.Exclusion::reason).findFirst();
            t.append(chosen ? "<tr class=\"chosen\">" : excluded.isPresent() ? "<tr class=\"excluded\">" : "<tr>")
                    .append("<td>").append(escape(o.shortLabel())).append("</td>");
            if (o.failed()) {
                t.append("<td colspan=\"10\" class=\"text\">failed: ").append(escape(o.error())).append("</td></tr>");
                continue;
            }
            t.append(cell(Integer.toString(o.quality().segments()))).append(cell(Numbers.percent(o.quality().noiseFraction())))
                    .append(cell(Numbers.metric(o.quality().silhouette()))).append(cell(Numbers.metric(o.quality().daviesBouldin())))
                    .append(cell(Numbers.value(o.quality().calinskiHarabasz())))
                    .append(cell(o.stability() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.meanStability())))
                    .append(cell(o.stability() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.evidence().minJaccard())))
                    .append(cell(Numbers.agreement(o.predictAgreement())))
                    .append(cell(String.format(Locale.ROOT, "%.2f", o.fitTime().toMillis() / 1000.0)))
                    .append("<td class=\"text\">").append(chosen ? "recommended" : escape(excluded.orElse(""))).append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static StringBuilder svgStart() {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
    }

    private static String axes(double[] xs, double[] ys, String xLabel, String yLabel) {
        return axes(xs, ys, xLabel, yLabel, false);
    }

    private static String axes(double[] xs, double[] ys, String xLabel, String yLabel, boolean noXTicks) {
        StringBuilder a = new StringBuilder(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN, MARGIN, MARGIN / 2, MARGIN, HEIGHT - MARGIN));
        for (int t = 0; t <= 4; t++) {
            double yv = ys[0] + (ys[1] - ys[0]) * t / 4;
            a.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%s\">%s</text>", fmt(y(yv, ys) + 4), tick(yv)));
            if (!noXTicks) {
                double xv = xs[0] + (xs[1] - xs[0]) * t / 4;
                a.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\">%s</text>", fmt(x(xv, xs) - 8), HEIGHT - MARGIN + 14, tick(xv)));
            }
        }
        a.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"4\" y=\"%d\">%s</text>",
                WIDTH / 2 - 20, HEIGHT - 8, escape(xLabel), MARGIN / 2 - 8, escape(yLabel)));
        return a.toString();
    }

    private static String tick(double v) {
        double magnitude = Math.abs(v);
        return magnitude >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : magnitude >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double[] bounds(List<double[]> points, int axis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            if (Double.isFinite(p[axis])) {
                lo = Math.min(lo, p[axis]);
                hi = Math.max(hi, p[axis]);
            }
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    private static double x(double v, double[] xs) {
        return MARGIN + (v - xs[0]) / (xs[1] - xs[0]) * (WIDTH - 2.0 * MARGIN);
    }

    private static double y(double v, double[] ys) {
        return HEIGHT - MARGIN - (v - ys[0]) / (ys[1] - ys[0]) * (HEIGHT - 1.5 * MARGIN);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
