package com.segments.adapters.cli;

import picocli.CommandLine;

/** The version of the running jar, from its manifest when packaged. */
class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SegmentsCli.class.getPackage().getImplementationVersion();
        return new String[] {"segments " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
