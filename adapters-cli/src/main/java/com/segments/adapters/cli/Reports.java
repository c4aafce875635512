package com.segments.adapters.cli;

import com.segments.domain.SegmentsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the HTML reports of compare, groups and drift: folders made as needed, a failure named in one line. */
final class Reports {

    private Reports() {
    }

    static void write(Path report, String html) {
        try {
            Path target = report.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SegmentsException(report + ": cannot be written: " + e.getMessage(), e);
        }
    }
}
