package com.segments.application.features;

import com.segments.application.DataInput;
import com.segments.application.Wiring;
import com.segments.domain.table.DataSourceException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnInferenceTest {

    @TempDir
    Path dir;

    static PreparedTable read(Path file, Character delimiter) {
        return Wiring.reader().prepare(DataInput.customers(file, delimiter, null));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void readsCcGeneralWithItsIdAndSeventeenFeatures() {
        Path cc = Path.of(System.getProperty("segments.shared.dir", "../../shared"), "data/cc_general/CC_GENERAL.csv");
        PreparedTable table = read(cc, null);
        assertThat(table.profiles().schema().idColumn()).isEqualTo("CUST_ID");
        assertThat(table.profiles().schema().features()).hasSize(17).startsWith("BALANCE").endsWith("TENURE");
        assertThat(table.profiles().size()).isEqualTo(8950);
        assertThat(table.report().columns()).filteredOn(c -> c.name().equals("MINIMUM_PAYMENTS"))
                .singleElement().extracting(InferenceReport.Column::missing).isEqualTo(313L);
        assertThat(table.fingerprint().sha256()).hasSize(64);
        assertThat(table.fingerprint().rows()).isEqualTo(8950);
    }

    @Test
    void handlesBomCrlfSemicolonsQuotedLineBreaksAndMissingSpellings() throws IOException {
        Path file = write("quirks.csv", "\uFEFFclient_id;note;spend;visits\r\n"
                + "A1;\"two\r\nlines\";12.5;3\r\n"
                + "A2;x;NA;4\r\n"
                + "A3;y; 7 ;\r\n");
        PreparedTable table = read(file, null);
        assertThat(table.profiles().ids()).containsExactly("A1", "A2", "A3");
        assertThat(table.profiles().schema().features()).containsExactly("spend", "visits");
        assertThat(table.profiles().values().row(0)).containsExactly(12.5, 3.0);
        assertThat(table.profiles().values().get(1, 0)).isNaN();
        assertThat(table.profiles().values().row(2)[0]).isEqualTo(7.0);
        assertThat(table.profiles().values().get(2, 1)).isNaN();
        assertThat(table.report().columns()).filteredOn(c -> c.name().equals("note"))
                .singleElement().extracting(InferenceReport.Column::role).isEqualTo(ColumnRole.IGNORED);
    }

    @Test
    void takesAFirstColumnOfUniqueTextAsTheIdWhenNoneIsNamedSo() throws IOException {
        Path file = write("t.csv", "name,spend\nann,1\nbob,2\n");
        assertThat(read(file, null).profiles().schema().idColumn()).isEqualTo("name");
    }

    @Test
    void numbersRowsAndWarnsWhenThereIsNoId() throws IOException {
        Path file = write("t.csv", "spend,visits\n1,2\n3,4\n");
        PreparedTable table = read(file, null);
        assertThat(table.profiles().ids()).containsExactly("row-1", "row-2");
        assertThat(table.report().warnings()).anyMatch(w -> w.contains("no id column"));
    }

    @Test
    void reportsDuplicateIdsAndConstantColumns() throws IOException {
        Path file = write("t.csv", "id,spend,flag\n1,1,5\n1,2,5\n2,3,5\n");
        PreparedTable table = read(file, null);
        assertThat(table.report().warnings()).anyMatch(w -> w.contains("1 row(s) dropped: their id in 'id' repeats"));
        assertThat(table.profiles().ids()).containsExactly("1", "2");
        assertThat(table.report().columns()).filteredOn(c -> c.name().equals("flag")).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(ColumnRole.IGNORED))
                .satisfies(c -> assertThat(c.reason()).startsWith("constant (\"5\" in every row)"));
    }

    @Test
    void aRaggedRowWithAnExtraFieldIsNamed() throws IOException {
        Path file = write("t.csv", "id,a,b\n1,2,3\n2,3,4,5\n");
        assertThatThrownBy(() -> read(file, null)).isInstanceOf(DataSourceException.class)
                .hasMessage("t.csv: row 2 (line 3) has 4 fields but the header has 3; the extra field after column 'b' is \"5\"");
    }

    @Test
    void aDuplicateOrEmptyHeaderIsNamed() throws IOException {
        assertThatThrownBy(() -> read(write("d.csv", "id,a,a\n1,2,3\n"), null))
                .hasMessageContaining("column 'a' twice");
        assertThatThrownBy(() -> read(write("e.csv", "id,,b\n1,2,3\n"), null))
                .hasMessageContaining("header column 2 has no name");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreRefused() throws IOException {
        assertThatThrownBy(() -> read(write("empty.csv", ""), null))
                .hasMessageContaining("empty.csv: the file is empty");
        assertThatThrownBy(() -> read(write("header.csv", "id,a\n"), null))
                .hasMessageContaining("no data rows");
    }

    @Test
    void aMostlyTextColumnIsIgnoredNotAnError() throws IOException {
        Path file = write("t.csv", "id,spend,code\n1,1,A7\n2,2,B8\n3,3,9\n");
        PreparedTable table = read(file, null);
        assertThat(table.profiles().schema().features()).containsExactly("spend");
    }

    @Test
    void anExplicitDelimiterWins() throws IOException {
        // As many commas as tabs in the header: detection would pick the comma.
        Path file = write("t.tsv", "id\ta,b,c\tvisits\n1\tx,y,z\t3\n2\tx,y,z\t4\n");
        PreparedTable table = read(file, '\t');
        assertThat(table.report().columns()).extracting(InferenceReport.Column::name).containsExactly("id", "a,b,c", "visits");
        assertThat(table.profiles().schema().features()).containsExactly("visits");
    }

    @Test
    void aColumnTheSpecNamesButTheFileLacksIsNamed() throws IOException {
        Path data = write("d.csv", "id,spend\n1,2\n2,3\n");
        Path spec = write("spec.yml", "columns:\n  visits: numeric\n");
        assertThatThrownBy(() -> Wiring.reader().prepare(DataInput.customers(data, null, spec)))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("names column 'visits', which is not in the header");
    }
}
