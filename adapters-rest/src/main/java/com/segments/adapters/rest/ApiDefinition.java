package com.segments.adapters.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The title of the OpenAPI document that Micronaut's processor writes at compile time from the controllers
 * (META-INF/swagger/segments-api.yml, served at /openapi.yml).
 */
@OpenAPIDefinition(info = @Info(title = "segments-api", version = "1",
        description = "Customer segmentation: predict one customer or a batch, follow retraining jobs, manage model "
                + "versions. Changes need the X-API-Key header."))
final class ApiDefinition {

    private ApiDefinition() {
    }
}
