package com.segments.adapters.rest;

import com.segments.domain.access.Role;
import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    private static Role needed(HttpMethod method, String path) {
        return AccessRules.of(method, path, false).needed();
    }

    @Test
    void eachRouteNeedsTheRoleTheBriefGivesIt() {
        assertThat(needed(HttpMethod.POST, "/api/v1/predict")).isNull();
        assertThat(needed(HttpMethod.POST, "/api/v1/predict/batch")).isNull();
        assertThat(needed(HttpMethod.GET, "/api/v1/models")).isNull();
        assertThat(AccessRules.of(HttpMethod.POST, "/api/v1/predict", true).needed()).isEqualTo(Role.PREDICT_ONLY);
        assertThat(AccessRules.of(HttpMethod.GET, "/api/v1/jobs", true).needed()).isEqualTo(Role.PREDICT_ONLY);
        assertThat(needed(HttpMethod.POST, "/api/v1/retrain")).isEqualTo(Role.OPERATOR);
        assertThat(needed(HttpMethod.DELETE, "/api/v1/jobs/6f1c-22")).isEqualTo(Role.OPERATOR);
        assertThat(needed(HttpMethod.PUT, "/api/v1/segments/3")).isEqualTo(Role.OPERATOR);
        assertThat(needed(HttpMethod.POST, "/api/v1/drift")).isEqualTo(Role.OPERATOR);
        assertThat(needed(HttpMethod.POST, "/api/v1/transactions")).as("the real-time feed").isEqualTo(Role.OPERATOR);
        assertThat(needed(HttpMethod.POST, "/api/v1/transactions/")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.POST, "/api/v1/models/12/activate")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.POST, "/api/v1/models/rollback")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.PUT, "/api/v1/aliases/champion")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.POST, "/api/v1/keys")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.DELETE, "/api/v1/keys/ci")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.GET, "/api/v1/keys")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.GET, "/api/v1/audit")).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAddressTrickCanOnlyAskForMoreNeverForLess() {
        String[] tricks = {"/api/v1/predict/../models/1/activate", "/api/v1//retrain", "/api/v1/retrain/",
                "/api/v1/predict/", "/api/v1/predict%2F..%2Fmodels%2F1%2Factivate", "/api/v1/segments/3/../../models/rollback",
                "/api/v1/jobs/../models/rollback", "/api/v1/drift/../keys", "/API/v1/retrain", "/api/v1/predict;x"};
        for (String path : tricks) {
            assertThat(needed(HttpMethod.POST, path)).as(path).isEqualTo(Role.ADMIN);
            assertThat(needed(HttpMethod.PUT, path)).as(path).isEqualTo(Role.ADMIN);
            assertThat(needed(HttpMethod.DELETE, path)).as(path).isEqualTo(Role.ADMIN);
        }
        assertThat(needed(HttpMethod.OPTIONS, "/api/v1/predict")).isEqualTo(Role.ADMIN);
        assertThat(needed(HttpMethod.PATCH, "/api/v1/segments/3")).isEqualTo(Role.ADMIN);
    }

    @Test
    void changesAreNamedForTheAuditWithTheirTarget() {
        AccessRules.Access activate = AccessRules.of(HttpMethod.POST, "/api/v1/models/7/activate", false);
        assertThat(activate.action()).isEqualTo("model.activate");
        assertThat(activate.target()).isEqualTo("version 7");
        assertThat(AccessRules.of(HttpMethod.PUT, "/api/v1/aliases/champion", false).target()).isEqualTo("alias champion");
        assertThat(AccessRules.of(HttpMethod.DELETE, "/api/v1/jobs/abc", false).action()).isEqualTo("job.cancel");
        assertThat(AccessRules.of(HttpMethod.POST, "/api/v1/predict", true).audited()).isFalse();
    }
}
