package com.segments.adapters.rest;

import com.segments.domain.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which role a request under {@code /api/v1} needs, and how the audit names it. Lower roles are granted only for
 * exact addresses; anything else that is not a read needs an admin key, so an address trick ({@code //},
 * {@code ..}, a trailing slash, percent-encoding) can only ask for more, never for less.
 */
final class AccessRules {

    private AccessRules() {
    }

    /**
     * @param needed the role a key must have; null when no key is needed
     * @param action the audit's name for the change; null for a read or a prediction (audited only when refused)
     * @param target what the change is about, from the address (the audit adds what the answer says)
     */
    record Access(@Nullable Role needed, @Nullable String action, String target) {
        boolean audited() {
            return action != null;
        }
    }

    private static final String ID = "([A-Za-z0-9-]{1,64})";
    private static final Pattern ACTIVATE = Pattern.compile("/api/v1/models/([0-9]{1,10})/activate");
    private static final Pattern ALIAS = Pattern.compile("/api/v1/aliases/([^/]{1,64})");
    private static final Pattern SEGMENT = Pattern.compile("/api/v1/segments/([0-9]{1,6})");
    private static final Pattern JOB = Pattern.compile("/api/v1/jobs/" + ID);
    private static final Pattern COMPARISON = Pattern.compile("/api/v1/comparisons/" + ID);
    private static final Pattern KEY = Pattern.compile("/api/v1/keys/([A-Za-z0-9._-]{1,64})");

    /**
     * @param readsNeedKey whether reads and predictions need a key ({@code segments.api.require-key-for-reads})
     */
    static Access of(HttpMethod method, String path, boolean readsNeedKey) {
        Role reader = readsNeedKey ? Role.PREDICT_ONLY : null;
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read) {
            if (path.equals("/api/v1/audit") || path.equals("/api/v1/keys")) {
                return new Access(Role.ADMIN, null, "");
            }
            return new Access(reader, null, "");
        }
        if (method == HttpMethod.POST) {
            switch (path) {
                case "/api/v1/predict", "/api/v1/predict/batch" -> {
                    return new Access(reader, null, "");
                }
                case "/api/v1/drift" -> {
                    return new Access(Role.OPERATOR, null, "");
                }
                case "/api/v1/transactions" -> { // a feed of business data, not a change to audit one by one
                    return new Access(Role.OPERATOR, null, "");
                }
                case "/api/v1/retrain" -> {
                    return new Access(Role.OPERATOR, "retrain", "");
                }
                case "/api/v1/comparisons" -> {
                    return new Access(Role.OPERATOR, "comparison.start", "");
                }
                case "/api/v1/models/rollback" -> {
                    return new Access(Role.ADMIN, "model.rollback", "");
                }
                case "/api/v1/keys" -> {
                    return new Access(Role.ADMIN, "key.add", "");
                }
                default -> {
                    Matcher m = ACTIVATE.matcher(path);
                    if (m.matches()) {
                        return new Access(Role.ADMIN, "model.activate", "version " + m.group(1));
                    }
                }
            }
        } else if (method == HttpMethod.PUT) {
            Matcher segment = SEGMENT.matcher(path);
            if (segment.matches()) {
                return new Access(Role.OPERATOR, "segment.edit", "segment " + segment.group(1));
            }
            Matcher alias = ALIAS.matcher(path);
            if (alias.matches()) {
                return new Access(Role.ADMIN, "alias.set", "alias " + alias.group(1));
            }
        } else if (method == HttpMethod.DELETE) {
            Matcher job = JOB.matcher(path);
            if (job.matches()) {
                return new Access(Role.OPERATOR, "job.cancel", "job " + job.group(1));
            }
            Matcher comparison = COMPARISON.matcher(path);
            if (comparison.matches()) {
                return new Access(Role.OPERATOR, "comparison.cancel", "comparison " + comparison.group(1));
            }
            Matcher key = KEY.matcher(path);
            if (key.matches()) {
                return new Access(Role.ADMIN, "key.revoke", "key " + key.group(1));
            }
        }
        return new Access(Role.ADMIN, "api.change", method.name() + " " + path);
    }
}
