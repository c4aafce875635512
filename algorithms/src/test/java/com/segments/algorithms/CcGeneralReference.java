package com.segments.algorithms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Standardisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CC GENERAL matrix built exactly as {@code ../shared/reference/cc_general.json} says scikit-learn's was:
 * drop CUST_ID, median imputation, log1p, standardisation. The reference figures were computed on it.
 */
public final class CcGeneralReference {

    public final JsonNode json;
    final List<String> columns;
    final DataMatrix raw;
    final Imputation imputation;
    final Standardisation standardisation;
    public final DataMatrix x;

    private CcGeneralReference() throws IOException {
        Path shared = Path.of(System.getProperty("segments.shared.dir", "../../shared"));
        json = new ObjectMapper().readTree(shared.resolve("reference/cc_general.json").toFile());
        List<String> lines = Files.readAllLines(shared.resolve("data/cc_general/CC_GENERAL.csv"));
        List<String> header = Arrays.asList(lines.getFirst().strip().split(","));
        columns = header.subList(1, header.size());
        double[][] rows = lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.strip().split(",", -1);
            double[] row = new double[cells.length - 1];
            for (int j = 1; j < cells.length; j++) {
                row[j - 1] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
            }
            return row;
        }).toArray(double[][]::new);
        raw = DataMatrix.ofRows(rows);
        imputation = Imputation.fit(raw, new FeatureSchema("CUST_ID", columns));
        double[][] logged = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i].clone();
            imputation.apply(row);
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log1p(row[j]);
            }
            logged[i] = row;
        }
        standardisation = Standardisation.fit(DataMatrix.ofRows(logged));
        for (double[] row : logged) {
            standardisation.apply(row);
        }
        x = DataMatrix.ofRows(logged);
    }

    private static CcGeneralReference instance;

    public static synchronized CcGeneralReference load() throws IOException {
        if (instance == null) {
            instance = new CcGeneralReference();
        }
        return instance;
    }

    double[] doubles(String... path) {
        JsonNode node = json;
        for (String key : path) {
            node = node.get(key);
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    int[] labels(String labeling) {
        JsonNode node = json.get(labeling).get("labels");
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }
}
