package com.segments.adapters.cli;

/**
 * Who a command line acts as in the audit: the operating-system account running it ({@code cli:alice}). The store
 * is private to its owner (docs/security.md), so this is who could open it; the audit records it, it proves nothing
 * more than the account's own file permissions do.
 */
final class CliActor {

    static final String SOURCE = "local";

    private CliActor() {
    }

    static String name() {
        String user = System.getProperty("user.name");
        return "cli:" + (user == null || user.isBlank() ? "unknown" : user);
    }
}
