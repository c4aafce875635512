package com.segments.adapters.rest;

import com.segments.application.CheckHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. */
@Controller
public class HealthController {

    private final CheckHealth checkHealth;

    HealthController(CheckHealth checkHealth) {
        this.checkHealth = checkHealth;
    }

    @Get("/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<HealthResponse> health() {
        CheckHealth.Health health = checkHealth.check();
        Integer active = health.activeModel().isPresent() ? health.activeModel().getAsInt() : null;
        HealthResponse body = new HealthResponse(health.databaseUp() ? "UP" : "DOWN",
                health.databaseUp() ? "UP" : "DOWN", active);
        return HttpResponse.status(health.databaseUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
