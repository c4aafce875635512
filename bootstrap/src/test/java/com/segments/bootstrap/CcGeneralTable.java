package com.segments.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** CC GENERAL loaded into a database table {@code cc_customers}: the id as text, every other column DOUBLE PRECISION. */
final class CcGeneralTable {

    private CcGeneralTable() {
    }

    /**
     * @param quoted whether the columns keep the file's names exactly (quoted) or take the database's folding
     */
    static void load(Connection c, boolean quoted) throws IOException, SQLException {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        String q = quoted ? "\"" : "";
        StringBuilder create = new StringBuilder("CREATE TABLE cc_customers (" + q + header[0] + q + " VARCHAR(20)");
        for (int j = 1; j < header.length; j++) {
            create.append(", ").append(q).append(header[j]).append(q).append(" DOUBLE PRECISION");
        }
        c.createStatement().execute(create.append(')').toString());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO cc_customers VALUES ("
                + "?, ".repeat(header.length - 1) + "?)")) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.strip().split(",", -1);
                insert.setString(1, cells[0]);
                for (int j = 1; j < header.length; j++) {
                    if (cells[j].isEmpty()) {
                        insert.setNull(j + 1, Types.DOUBLE);
                    } else {
                        insert.setDouble(j + 1, Double.parseDouble(cells[j]));
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
