package com.segments.adapters.rest;

import com.segments.application.ActivateModel;
import com.segments.application.ListModels;
import com.segments.application.ModelReference;
import com.segments.application.ShowModel;
import com.segments.domain.TextLimits;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelSummary;
import com.segments.domain.model.TrainedModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The model registry over HTTP: list, show, activate, roll back, alias. Changes need the API key
 * ({@link ApiKeyFilter}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsController {

    private final ListModels listModels;
    private final ShowModel showModel;
    private final ActivateModel activateModel;

    ModelsController(ListModels listModels, ShowModel showModel, ActivateModel activateModel) {
        this.listModels = listModels;
        this.showModel = showModel;
        this.activateModel = activateModel;
    }

    @Serdeable
    public record ModelResponse(int version, String algorithm, int segments, Instant createdAt, String status,
                                @Nullable String statusReason, String triggeredBy, List<String> aliases,
                                @Nullable Double silhouette, String dataSource, long dataRows) {
        static ModelResponse of(ModelSummary m) {
            return new ModelResponse(m.version(), m.algorithm(), m.segmentCount(), m.createdAt(), m.status().name(),
                    m.statusReason(), m.triggeredBy(), m.aliases(), Double.isNaN(m.silhouette()) ? null : m.silhouette(),
                    m.dataSource(), m.dataRows());
        }
    }

    @Serdeable
    public record SegmentResponse(int id, long size, double share, Map<String, Double> centre) {
    }

    @Serdeable
    public record ModelDetailResponse(ModelResponse model, Map<String, Integer> parameters, @Nullable Long seed,
                                      @Nullable String idColumn, List<String> features, @Nullable String dataSha256,
                                      Map<String, String> libraryVersions, List<SegmentResponse> segmentProfiles) {
    }

    @Serdeable
    public record ActivationResponse(int active, @Nullable Integer previous, Instant at, String reason) {
        static ActivationResponse of(Activation a) {
            return new ActivationResponse(a.version(), a.previous().isPresent() ? a.previous().getAsInt() : null, a.at(),
                    a.reason());
        }
    }

    @Serdeable
    public record AliasRequest(int version) {
    }

    @Get("/models")
    public List<ModelResponse> list() {
        return listModels.list().stream().map(ModelResponse::of).toList();
    }

    /** @param reference a version number, an alias, or {@code active} */
    @Get("/models/{reference}")
    public ModelDetailResponse show(@PathVariable String reference) {
        ShowModel.Shown shown = showModel.show("active".equals(reference) ? ModelReference.ACTIVE : ModelReference.parse(reference));
        if (shown.version() == null) { // TRAINING or FAILED: the summary's status and reason are all there is
            return new ModelDetailResponse(ModelResponse.of(shown.summary()), Map.of(), null, null, List.of(), null,
                    Map.of(), List.of());
        }
        TrainedModel model = shown.version().model();
        List<String> columns = model.originalColumns();
        List<SegmentResponse> segments = model.segments().stream().map(s -> {
            Map<String, Double> centre = new java.util.LinkedHashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                if (model.isCategoryColumn(j)) {
                    continue; // a level position has no mean; GET /api/v1/segments shows levels
                }
                double value = s.centroidOriginal()[j];
                centre.put(columns.get(j), Double.isNaN(value) ? null : value);
            }
            return new SegmentResponse(s.id(), s.size(), s.share(), centre);
        }).toList();
        return new ModelDetailResponse(ModelResponse.of(shown.summary()), model.parameters().values(), model.seed(),
                model.schema().idColumn(), model.schema().features(), model.fingerprint().sha256(),
                model.libraryVersions(), segments);
    }

    @Post("/models/{version}/activate")
    public ActivationResponse activate(@PathVariable String version) {
        return ActivationResponse.of(activateModel.activate(TextLimits.version("version", version)));
    }

    @Post("/models/rollback")
    public ActivationResponse rollback() {
        return ActivationResponse.of(activateModel.rollback());
    }

    /** @param body {@code {"version": N}}, N a whole number (not "1", not 1.5) */
    @Put(uri = "/aliases/{alias}", consumes = io.micronaut.http.MediaType.APPLICATION_JSON)
    public Map<String, Object> alias(@PathVariable String alias,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AliasRequest.class)))
            @Nullable @Body String body) {
        Long version = StrictJson.object(body, "one JSON object, {\"version\": N}").only(java.util.Set.of("version"))
                .integer("version", 1, Integer.MAX_VALUE);
        if (version == null) {
            throw new com.segments.domain.feature.FieldValidationException("version", "is missing: say which version the alias names");
        }
        activateModel.alias(alias, version.intValue());
        return Map.of("alias", alias, "version", version.intValue());
    }
}
