package com.segments.adapters.cli;

import picocli.CommandLine;

/** The version of the running jar, from its manifest when packaged. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return lines();
    }

    /** What {@code segments --version} prints, also for a launcher that answers it before picocli is loaded. */
    public static String[] lines() {
        String version = SegmentsCli.class.getPackage().getImplementationVersion();
        return new String[] {"segments " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
