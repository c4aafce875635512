package com.segments.adapters.cli;

import com.segments.application.CompareGroups;
import com.segments.domain.profile.GroupComparison;

import java.util.Locale;

/** A self-contained HTML page (inline SVG, no script) with one bar chart of segment shares per group. */
final class GroupsReport {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac"};

    private GroupsReport() {
    }

    static String html(CompareGroups.Result result) {
        GroupComparison c = result.comparison();
        StringBuilder out = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Segment mix by ")
                .append(escape(c.groupColumn())).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                        + "td,th{padding:.2em .6em;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + ".hi{color:#b00}.lo{color:#06c}</style></head><body>");
        out.append("<h1>Segment mix by ").append(escape(c.groupColumn())).append("</h1>");
        out.append(String.format(Locale.ROOT, "<p>%,d customers of %s, model version %d. Chi-square %.1f with %d degrees of "
                        + "freedom, p = %.3g.</p>", result.customers(), escape(result.source()), result.version(), c.chiSquare(),
                c.degreesOfFreedom(), c.pValue()));
        out.append("<h2>Findings</h2><ul>");
        c.findings().forEach(f -> out.append("<li>").append(escape(f)).append("</li>"));
        out.append("</ul><h2>Share of each group per segment</h2>");
        int k = c.segments().size();
        int barHeight = 14;
        int groupHeight = (k + 1) * barHeight + 10;
        int width = 720;
        int labelWidth = 160;
        long[] totals = new long[c.groups().size() + 1];
        long[] overall = new long[k];
        for (int g = 0; g < c.groups().size(); g++) {
            for (int s = 0; s < k; s++) {
                totals[g] += c.counts()[g][s];
                overall[s] += c.counts()[g][s];
                totals[c.groups().size()] += c.counts()[g][s];
            }
        }
        int rows = c.groups().size() + 1;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width + 80).append("\" height=\"")
                .append(rows * groupHeight + 30).append("\" font-size=\"11\">");
        for (int g = 0; g < rows; g++) {
            boolean all = g == c.groups().size();
            String name = all ? "all customers" : c.groups().get(g);
            int y0 = g * groupHeight + 10;
            out.append("<text x=\"0\" y=\"").append(y0 + 10).append("\" font-weight=\"bold\">").append(escape(name)).append("</text>");
            for (int s = 0; s < k; s++) {
                long count = all ? overall[s] : c.counts()[g][s];
                double share = totals[g] == 0 ? 0 : (double) count / totals[g];
                int y = y0 + (s + 1) * barHeight;
                int w = (int) Math.round(share * (width - labelWidth));
                out.append("<text x=\"10\" y=\"").append(y + 10).append("\">").append(escape(c.segments().get(s))).append("</text>");
                out.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(w)
                        .append("\" height=\"").append(barHeight - 3).append("\" fill=\"").append(COLOURS[s % COLOURS.length])
                        .append("\"/>");
                String residual = all ? "" : String.format(Locale.ROOT, " (r %+.1f)", c.residuals()[g][s]);
                out.append("<text x=\"").append(labelWidth + w + 4).append("\" y=\"").append(y + 10).append("\">")
                        .append(String.format(Locale.ROOT, "%.1f%%", 100 * share)).append(residual).append("</text>");
            }
        }
        out.append("</svg></body></html>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
