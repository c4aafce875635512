package com.segments.adapters.cli;

import com.segments.application.MeasureDrift;
import com.segments.domain.drift.DriftReport;

import java.util.List;
import java.util.Locale;

/**
 * The drift report as a self-contained HTML page (inline SVG and CSS, no script, nothing fetched): the verdict and
 * its reasons, then per field its training and current distributions side by side over the PSI bins, then the
 * segments' shares then and now.
 */
final class DriftPage {

    private static final String REFERENCE = "#9aa5b1";
    private static final String[] LEVEL_COLOURS = {"#3b7d3b", "#b8860b", "#b22222"};

    private DriftPage() {
    }

    static String html(MeasureDrift.Result result, String source) {
        DriftReport r = result.report();
        StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Drift of ")
                .append(escape(source)).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:72em}"
                        + "td,th{padding:.2em .6em;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + ".field{display:inline-block;vertical-align:top;margin:0 1.5em 1.5em 0}"
                        + ".key span{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}</style></head><body>");
        out.append("<h1>Drift of ").append(escape(source)).append("</h1>");
        out.append(String.format(Locale.ROOT, "<p>%,d rows against model version %d: <strong style=\"color:%s\">%s</strong>"
                + "</p>", r.rows(), r.version(), LEVEL_COLOURS[r.verdict().ordinal()], r.verdict().word()));
        if (!r.reasons().isEmpty()) {
            out.append("<ol>");
            r.reasons().forEach(reason -> out.append("<li>").append(escape(reason)).append("</li>"));
            out.append("</ol>");
        }
        out.append("<h2>Fields</h2><p class=\"key\">Share of values per bin (the training deciles, or the levels):"
                + "<span style=\"background:").append(REFERENCE).append("\"></span>training"
                + "<span style=\"background:#4e79a7\"></span>this batch</p>");
        for (DriftReport.FieldDrift f : r.fields()) {
            out.append("<div class=\"field\"><h3>").append(escape(f.name())).append("</h3><p>")
                    .append(String.format(Locale.ROOT, "<span style=\"color:%s\">%s</span>, PSI %s",
                            LEVEL_COLOURS[f.level().ordinal()], f.level().word(), Numbers.metric(f.psi())));
            if (!Double.isNaN(f.wasserstein())) {
                out.append(", Wasserstein ").append(Numbers.metric(f.wasserstein())).append(" sd");
            }
            out.append(String.format(Locale.ROOT, ", missing %s then %s", Numbers.percent(f.referenceMissing()),
                    Numbers.percent(f.currentMissing()))).append("</p>");
            bars(out, f);
            out.append("</div>");
        }
        out.append("<h2>Segments</h2><table><tr><th>segment</th><th>level</th><th>share then</th><th>share now</th>"
                + "<th>outliers then</th><th>outliers now</th><th>moved (in spreads)</th></tr>");
        for (DriftReport.SegmentDrift s : r.segments()) {
            out.append("<tr><td>").append(escape(result.segmentNames().get(s.segment()))).append("</td><td style=\"color:")
                    .append(LEVEL_COLOURS[s.level().ordinal()]).append("\">").append(s.level().word()).append("</td><td>")
                    .append(Numbers.percent(s.referenceShare())).append("</td><td>").append(Numbers.percent(s.currentShare()))
                    .append("</td><td>").append(Numbers.percent(s.referenceOutliers())).append("</td><td>")
                    .append(Numbers.percent(s.currentOutliers())).append("</td><td>")
                    .append(Double.isNaN(s.move()) ? "-" : Numbers.metric(s.move())).append("</td></tr>");
        }
        out.append("</table>").append(String.format(Locale.ROOT, "<p>Segment shares: PSI %s, chi-square %s.</p>",
                Numbers.metric(r.sharePsi()), Numbers.metric(r.shareChiSquare())));
        out.append("</body></html>\n");
        return out.toString();
    }

    /**
     * Paired horizontal bars per bin: training above, this batch below, scaled to the largest share. Bins empty on both
     * sides (between repeated deciles, as for a column that is mostly zero) are left out.
     */
    private static void bars(StringBuilder out, DriftReport.FieldDrift f) {
        List<Integer> shown = new java.util.ArrayList<>();
        for (int b = 0; b < f.bins().size(); b++) {
            if (f.referenceShares()[b] > 0 || f.currentShares()[b] > 0) {
                shown.add(b);
            }
        }
        int rows = shown.size();
        int labelWidth = 150;
        int barWidth = 180;
        int height = rows * 18 + 4;
        double largest = 0.01;
        for (int b : shown) {
            largest = Math.max(largest, Math.max(f.referenceShares()[b], f.currentShares()[b]));
        }
        out.append("<svg role=\"img\" width=\"").append(labelWidth + barWidth + 50)
                .append("\" height=\"").append(height).append("\" font-size=\"10\"><title>")
                .append(escape(f.name())).append(": training and current distribution</title>");
        for (int row = 0; row < rows; row++) {
            int b = shown.get(row);
            int y = row * 18 + 2;
            int then = (int) Math.round(barWidth * f.referenceShares()[b] / largest);
            int now = (int) Math.round(barWidth * f.currentShares()[b] / largest);
            out.append("<text x=\"0\" y=\"").append(y + 11).append("\">").append(escape(f.bins().get(b))).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(then)
                    .append("\" height=\"7\" fill=\"").append(REFERENCE).append("\"/>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 8).append("\" width=\"")
                    .append(now).append("\" height=\"7\" fill=\"#4e79a7\"/>")
                    .append("<text x=\"").append(labelWidth + Math.max(then, now) + 4).append("\" y=\"").append(y + 11)
                    .append("\">").append(Numbers.percent(f.currentShares()[b])).append("</text>");
        }
        out.append("</svg>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
