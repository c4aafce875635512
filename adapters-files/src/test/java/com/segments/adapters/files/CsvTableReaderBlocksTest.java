package com.segments.adapters.files;

import com.segments.domain.feature.Field;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableReader;
import com.segments.domain.table.TableSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blocks are handed to the caller on a thread of their own while the next is parsed: order, and failures, hold. */
class CsvTableReaderBlocksTest {

    private static final Function<TableSample, List<ColumnRead>> NUMBERS =
            sample -> sample.header().stream().map(name -> ColumnRead.field(Field.number(name))).toList();

    @TempDir
    Path work;

    @Test
    void blocksArriveWholeAndInOrder() throws IOException {
        TableReader reader = new CsvTableFiles().open(file(10_000, -1), null, true);
        List<Double> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();

        TableReader.Result result = reader.read(100, NUMBERS, 999, block -> {
            NumberColumn a = (NumberColumn) block.column("a");
            sizes.add(block.rows());
            for (int i = 0; i < block.rows(); i++) {
                seen.add(a.values()[i]);
            }
        });

        assertThat(result.rows()).isEqualTo(10_000);
        assertThat(sizes).hasSize(11).allMatch(size -> size <= 999);
        assertThat(seen).hasSize(10_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo((double) i);
        }
    }

    @Test
    void aBadCellAfterSomeBlocksStillNamesItsRowAndColumn() throws IOException {
        TableReader reader = new CsvTableFiles().open(file(5_000, 4_321), null, true);
        List<Table> consumed = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(100, NUMBERS, 1_000, consumed::add))
                .hasMessageContaining("4323").hasMessageContaining("'b'");
        assertThat(consumed).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aFailureOfTheConsumerReachesTheCaller() throws IOException {
        TableReader reader = new CsvTableFiles().open(file(5_000, -1), null, true);
        List<Table> consumed = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(100, NUMBERS, 1_000, block -> {
            if (consumed.size() == 2) {
                throw new IllegalStateException("the disk is full");
            }
            consumed.add(block);
        })).isInstanceOf(IllegalStateException.class).hasMessage("the disk is full");
        assertThat(consumed).hasSize(2);
    }

    @Test
    void oneWholeBlockHoldsEveryRowInOrder() throws IOException {
        TableReader reader = new CsvTableFiles().open(file(20_000, -1), null, true);
        List<Table> blocks = new ArrayList<>();

        TableReader.Result result = reader.read(100, NUMBERS, Integer.MAX_VALUE, blocks::add);

        assertThat(result.rows()).isEqualTo(20_000);
        assertThat(blocks).hasSize(1);
        double[] b = ((NumberColumn) blocks.getFirst().column("b")).values();
        assertThat(b).hasSize(20_000);
        for (int i = 0; i < b.length; i++) {
            assertThat(b[i]).isEqualTo(2.0 * i);
        }
    }

    /**
     * Cells are typed on a thread of their own while the reader goes on, so the reader can meet a wrong width
     * thousands of rows after a bad number: the error reported is still the first in the file, as in one pass.
     */
    @Test
    void aBadCellBeforeAWrongWidthIsTheErrorReported() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append(i).append(',').append(i == 700 ? "x" : Integer.toString(i)).append(i == 11_000 ? ",9\n" : "\n");
        }
        Path file = work.resolve("two-errors.csv");
        Files.writeString(file, csv);

        for (int blockRows : new int[] {1_000, Integer.MAX_VALUE}) {
            TableReader reader = new CsvTableFiles().open(file, null, true);
            assertThatThrownBy(() -> reader.read(100, NUMBERS, blockRows, block -> { }))
                    .hasMessageContaining("row 701 (line 702)").hasMessageContaining("'b'")
                    .hasMessageNotContaining("extra field");
        }
    }

    /** Batches queued behind the one that failed are not typed into the block the failure left half filled. */
    @Test
    void noRowAfterABadCellReachesTheConsumer() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 40_000; i++) {
            csv.append(i == 700 ? "x" : Integer.toString(i)).append(',').append(i).append('\n');
        }
        Path file = work.resolve("early-bad.csv");
        Files.writeString(file, csv);
        List<Double> seen = new ArrayList<>();

        TableReader reader = new CsvTableFiles().open(file, null, true);
        assertThatThrownBy(() -> reader.read(100, NUMBERS, 1_000, block -> {
            double[] a = ((NumberColumn) block.column("a")).values();
            for (int i = 0; i < block.rows(); i++) {
                seen.add(a[i]);
            }
        })).hasMessageContaining("row 701 (line 702)").hasMessageContaining("'a'");
        assertThat(seen).allMatch(value -> value < 700);
    }

    @Test
    void aRowWithABadCellAndAnExtraFieldReportsTheCellFirst() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 6_000; i++) {
            csv.append(i).append(',').append(i == 5_000 ? "x,7\n" : i + "\n");
        }
        Path file = work.resolve("both.csv");
        Files.writeString(file, csv);

        TableReader reader = new CsvTableFiles().open(file, null, true);
        assertThatThrownBy(() -> reader.read(100, NUMBERS, 1_000, block -> { }))
                .hasMessageContaining("row 5001 (line 5002)").hasMessageContaining("'b'");
    }

    @Test
    void aWrongWidthAloneIsReportedWithItsRow() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 9_000; i++) {
            csv.append(i).append(',').append(i).append(i == 8_500 ? ",9\n" : "\n");
        }
        Path file = work.resolve("wide.csv");
        Files.writeString(file, csv);

        TableReader reader = new CsvTableFiles().open(file, null, true);
        assertThatThrownBy(() -> reader.read(100, NUMBERS, 1_000, block -> { }))
                .hasMessageContaining("row 8501 (line 8502) has 3 fields").hasMessageContaining("\"9\"");
    }

    /** Rows a = i, b = 2i; the row numbered {@code badRow} (0-based, -1 for none) has "x" for b. */
    private Path file(int rows, int badRow) throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(i == badRow ? "x" : Integer.toString(2 * i)).append('\n');
        }
        Path file = work.resolve("t.csv");
        Files.writeString(file, csv);
        return file;
    }
}
