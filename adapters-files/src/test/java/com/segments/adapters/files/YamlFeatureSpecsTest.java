package com.segments.adapters.files;

import com.segments.domain.feature.FeatureSpec;
import com.segments.domain.table.DataSourceException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFeatureSpecsTest {

    @TempDir
    Path dir;

    private FeatureSpec read(String yaml) throws IOException {
        Path file = dir.resolve("spec.yml");
        Files.writeString(file, yaml);
        return new YamlFeatureSpecs().read(file);
    }

    @Test
    void readsEveryKindOfDeclaration() throws IOException {
        FeatureSpec spec = read("""
                id: ID
                delimiter: tab
                defaults: {impute: mean, scale: robust}
                columns:
                  Income: {role: numeric, impute: 0, valid: [null, 300000], outliers: iqr, iqr_factor: 3, transform: log1p}
                  Education: {role: categorical, encoding: ordinal, order: [Basic, PhD]}
                  Status: {role: categorical, top: 3, map: {YOLO: unknown}}
                  Joined: {role: date, format: dd-MM-yyyy}
                  Bank: group
                  Name: ignore
                derived:
                  - {name: ratio, formula: a / b, on_zero: -1, scale: minmax}
                pca: {variance: 0.9}
                """);
        assertThat(spec.idColumn()).isEqualTo("ID");
        assertThat(spec.delimiter()).isEqualTo('\t');
        FeatureSpec.NumericOptions income = spec.columns().get("Income").numeric();
        assertThat(income.impute()).isEqualTo(FeatureSpec.Impute.CONSTANT);
        assertThat(income.validMin()).isNull();
        assertThat(income.validMax()).isEqualTo(300000);
        assertThat(income.outliers()).isEqualTo(FeatureSpec.Outliers.IQR);
        assertThat(income.iqrFactor()).isEqualTo(3);
        assertThat(income.scale()).as("from the defaults").isEqualTo(FeatureSpec.Scale.ROBUST);
        assertThat(spec.columns().get("Education").categorical().ordinal()).isTrue();
        assertThat(spec.columns().get("Status").categorical().map()).containsEntry("YOLO", "unknown");
        assertThat(spec.columns().get("Joined").dateFormat()).isEqualTo("dd-MM-yyyy");
        assertThat(spec.columns().get("Bank").role()).isEqualTo(FeatureSpec.Role.GROUP);
        assertThat(spec.derived().getFirst().onZero()).isEqualTo(-1);
        assertThat(spec.derived().getFirst().numeric().scale()).isEqualTo(FeatureSpec.Scale.MINMAX);
        assertThat(spec.pca().variance()).isEqualTo(0.9);
    }

    @Test
    void aTypoIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read("columns:\n  Income: {role: numeric, tranform: log1p}\n"))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("columns.Income: unknown key 'tranform'");
        assertThatThrownBy(() -> read("columns:\n  Income: {role: numeric, scale: zscore}\n"))
                .hasMessageContaining("columns.Income.scale must be standard, robust, minmax or none, got \"zscore\"");
        assertThatThrownBy(() -> read("columns:\n  Slab: {role: categorical, encoding: ordinal}\n"))
                .hasMessageContaining("needs its levels in order");
        assertThatThrownBy(() -> read("pca: {variance: 0.9, components: 3}\n")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> read("columns: [a, b]\n")).hasMessageContaining("columns must be a mapping");
        assertThatThrownBy(() -> read("id: [\n")).hasMessageContaining("not valid YAML");
    }
}
