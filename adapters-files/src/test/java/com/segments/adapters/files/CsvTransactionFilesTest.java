package com.segments.adapters.files;

import com.segments.domain.feature.LogLayout;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plain lines are split straight from the bytes and the rest of a file goes to FastCSV from the first line that is
 * not plain: whichever reads a line, it becomes the same transaction, and a bad cell is named by the same row and
 * line. The logs are longer than a read chunk (1 MiB), so lines cross chunk ends.
 */
class CsvTransactionFilesTest {

    @TempDir
    Path dir;

    private static final String HEADER = "customer_id,date,amount,category,bank";

    private static List<String> lines(int count) {
        SplittableRandom random = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer = random.nextInt(40) == 0 ? "" : "C" + random.nextInt(3000);
            lines.add(String.format(Locale.ROOT, "%s,2024-%02d-%02d,%.2f,%s,%s", customer, 1 + i * 12 / count,
                    1 + random.nextInt(28), random.nextDouble() * 300 - 10, random.nextInt(9) == 0 ? " Dining " : "Travel",
                    "Bank " + random.nextInt(3)));
        }
        return lines;
    }

    private List<String> read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        List<String> transactions = new ArrayList<>();
        new CsvTransactionFiles().open(file, null, LogLayout.FIND).read(names -> { }, t -> transactions.add(text(t)));
        return transactions;
    }

    @Test
    void theFingerprintHashesEveryByteOfTheFileWhicheverReadsIt() throws Exception {
        List<String> lines = lines(40_000);
        for (String content : List.of(HEADER + "\n" + String.join("\n", lines) + "\n",
                "\"customer_id\",date,amount,category,bank\n" + String.join("\n", lines))) {
            Path file = dir.resolve("hashed.csv");
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
            String expected = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            var log = new CsvTransactionFiles().open(file, null, LogLayout.FIND);
            assertThat(log.read(names -> { }, t -> { })).isEqualTo(expected);
            assertThat(log.readBatches(names -> { }, batch -> { }, true)).isEqualTo(expected);
            assertThat(log.readBatches(names -> { }, batch -> { }, false)).as("not asked for").isEmpty();
        }
    }

    private static String text(Transaction t) {
        return String.join("|", t.customer(), Long.toString(t.day()), Double.toString(t.amount()),
                Double.toString(t.items()), t.category(), t.invoice(), Arrays.toString(t.groups()),
                Long.toString(t.lineHash()));
    }

    @Test
    void aLineWithoutEndIsRefusedByNumberNotReadIntoMemoryWithoutBound() {
        String endless = "c1,2024-01-02," + "9".repeat(LogLines.MAX_LINE_BYTES + 1) + ",food,b1\n";
        assertThatThrownBy(() -> read("endless.csv", HEADER + "\n" + lines(2).getFirst() + "\n" + endless))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("endless.csv: line 3 is longer than 16 MB");
    }

    @Test
    void plainLinesReadAsFastCsvReadsThem() throws IOException {
        List<String> lines = lines(40_000); // about 1.6 MiB
        List<String> plain = read("plain.csv", HEADER + "\n" + String.join("\n", lines) + "\n");
        assertThat(plain).hasSize(40_000);
        assertThat(read("crlf.csv", HEADER + "\r\n" + String.join("\r\n", lines))).isEqualTo(plain);
        assertThat(read("quoted-header.csv", "\"customer_id\",date,amount,category,bank\n"
                + String.join("\n", lines) + "\n")).as("FastCSV from the first line").isEqualTo(plain);
        List<String> lateQuote = new ArrayList<>(lines);
        lateQuote.set(30_000, "\"" + lines.get(30_000).replaceFirst(",", "\","));
        lateQuote.add(31_000, "");
        assertThat(read("late-quote.csv", HEADER + "\n" + String.join("\n", lateQuote) + "\n"))
                .as("FastCSV from line 30,002 on").isEqualTo(plain);
    }

    @Test
    void aBadCellIsNamedByTheSameRowAndLineOnEitherSideOfTheSwitch() throws IOException {
        List<String> lines = new ArrayList<>(lines(40_000));
        lines.set(35_000, lines.get(35_000).replace(",2024-", ",2024/"));
        lines.add(20_000, "");
        String expected = "row 35001 (line 35003), column 'date'";
        assertThatThrownBy(() -> read("bad.csv", HEADER + "\n" + String.join("\n", lines) + "\n"))
                .isInstanceOf(DataSourceException.class).hasMessageContaining(expected);
        lines.set(30_000, "\"" + lines.get(30_000).replaceFirst(",", "\","));
        assertThatThrownBy(() -> read("bad-after-quote.csv", HEADER + "\n" + String.join("\n", lines) + "\n"))
                .isInstanceOf(DataSourceException.class).hasMessageContaining(expected);
    }
}
