package com.segments.adapters.rest;

import com.segments.application.KeyRing;
import com.segments.application.ManageApiKeys;
import com.segments.domain.TextLimits;
import com.segments.domain.access.ApiKey;
import com.segments.domain.access.Role;
import com.segments.domain.feature.FieldValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** API keys over HTTP (admin keys only, {@link AccessRules}): list, make (the key is answered once), revoke. */
@Controller("/api/v1/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeysController {

    private final ManageApiKeys keys;

    KeysController(ManageApiKeys keys) {
        this.keys = keys;
    }

    /** A key as listed: never the key, only its first characters. */
    @Serdeable
    public record KeyResponse(String name, String role, String hint, Instant createdAt, String createdBy,
                              @Nullable Instant revokedAt) {
        static KeyResponse of(ApiKey k) {
            return new KeyResponse(k.name(), k.role().label(), k.hint(), k.createdAt(), k.createdBy(), k.revokedAt());
        }
    }

    /** A new key: {@code key} is the only copy there will ever be. */
    @Serdeable
    public record IssuedResponse(String name, String role, String key, Instant createdAt) {
    }

    @Serdeable
    public record NewKey(String name, String role) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<KeyResponse> list() {
        return keys.list().stream().map(KeyResponse::of).toList();
    }

    /** @param body {@code {"name": "NAME", "role": "predict-only" | "operator" | "admin"}} */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<IssuedResponse> add(HttpRequest<?> request,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = NewKey.class)))
            @Nullable @Body String body) {
        StrictJson.Fields fields = StrictJson.object(body, "one JSON object, {\"name\": \"NAME\", \"role\": \"ROLE\"}")
                .only(Set.of("name", "role"));
        String name = fields.text("name", 64);
        if (name == null) {
            throw new FieldValidationException("name", "is missing: name the key (letters, digits, '.', '_', '-')");
        }
        Role role = Role.parse("role", fields.text("role", 16));
        ManageApiKeys.Issued issued = keys.add(name, role, by(request));
        return HttpResponse.<IssuedResponse>status(HttpStatus.CREATED).body(new IssuedResponse(issued.key().name(),
                role.label(), issued.secret(), issued.key().createdAt()));
    }

    @Delete(uri = "/{name}", produces = MediaType.APPLICATION_JSON)
    public KeyResponse revoke(@PathVariable String name) {
        return KeyResponse.of(keys.revoke(TextLimits.line("name", name, 64)));
    }

    private static String by(HttpRequest<?> request) {
        return request.getAttribute(ApiKeyFilter.PRINCIPAL, KeyRing.Principal.class).map(KeyRing.Principal::name)
                .orElse("anonymous");
    }
}
