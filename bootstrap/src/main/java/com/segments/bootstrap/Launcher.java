package com.segments.bootstrap;

import com.segments.adapters.cli.VersionProvider;

/**
 * The jar's entry point. {@code --version} is answered here, before the command line parser, the configuration or
 * any plugin is loaded (the JVM then loads a few dozen of our classes instead of about two thousand); every other
 * command line goes to {@link Segments}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : VersionProvider.lines()) {
                System.out.println(line);
            }
            return;
        }
        Segments.main(args);
    }
}
