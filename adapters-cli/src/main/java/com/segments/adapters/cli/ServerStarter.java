package com.segments.adapters.cli;

import java.net.URL;
import java.util.OptionalInt;

/**
 * Starts the HTTP door in this process (the composition root provides it): the CLI only asks for a server on an
 * address and says what came up.
 */
public interface ServerStarter {

    /**
     * @param port 0 for any free port
     * @return where it listens and what it found at start
     */
    Started start(String host, int port);

    /**
     * @param databaseUp          whether the database answered at start
     * @param activeVersion       the active model version, if any
     * @param interruptedJobs     training jobs an earlier process left unfinished, now marked FAILED
     */
    record Started(URL url, boolean databaseUp, OptionalInt activeVersion, int interruptedJobs) {
    }
}
