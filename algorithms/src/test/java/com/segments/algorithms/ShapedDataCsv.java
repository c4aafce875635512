package com.segments.algorithms;

import com.segments.domain.feature.DataMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the shaped sets the HDBSCAN tests fit as CSV (x, y, truth), so that benchmarks/scripts/hdbscan_known_answers.py
 * gives scikit-learn exactly the rows the tests use. Run by benchmarks/scripts/hdbscan-known-answers.sh.
 */
public final class ShapedDataCsv {

    /** The sets, their sizes and seed: what {@link HdbscanShapedDataTest} generates. */
    static final long SEED = 17;

    private ShapedDataCsv() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (HdbscanShapedDataTest.Shape shape : HdbscanShapedDataTest.Shape.values()) {
            if (shape.leaf) {
                continue; // the same rows as its excess-of-mass twin
            }
            int[] truth = new int[shape.rows()];
            write(shape.generate(SEED, truth), truth, out.resolve(shape.file() + ".csv"));
        }
    }

    private static void write(DataMatrix x, int[] truth, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("x,y,truth");
        for (int i = 0; i < x.rows(); i++) {
            // 17 significant digits: the CSV holds exactly the doubles the test fits
            lines.add(String.format(Locale.ROOT, "%.17g,%.17g,%d", x.get(i, 0), x.get(i, 1), truth[i]));
        }
        Files.write(file, lines);
    }
}
