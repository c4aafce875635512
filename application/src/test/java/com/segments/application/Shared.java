package com.segments.application;

import java.nio.file.Path;

/** Where ../shared (real data sets, reference figures) and the committed examples are. */
public final class Shared {

    private Shared() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("segments.shared.dir", "../../shared"));
    }

    public static Path data(String relative) {
        return dir().resolve("data").resolve(relative);
    }

    public static Path example(String relative) {
        return Path.of(System.getProperty("segments.examples.dir", "../examples")).resolve(relative);
    }
}
