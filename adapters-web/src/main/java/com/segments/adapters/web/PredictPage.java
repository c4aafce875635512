package com.segments.adapters.web;

import com.segments.application.ModelReference;
import com.segments.application.ShowModel;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FeatureSchema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/**
 * Try a customer: a form made from the model's feature schema (numbers, categories as lists of their known levels,
 * dates in the model's format) that asks {@code POST /api/v1/predict}, and a CSV upload that asks
 * {@code POST /api/v1/predict/batch} and hands back the scored file. The form only collects text: the server reads
 * every value, so a field error on the page is the server's own.
 */
@Controller("/console/predict")
@ExecuteOn(TaskExecutors.BLOCKING)
class PredictPage extends ConsolePage {

    private final ShowModel showModel;

    PredictPage(ShowModel showModel) {
        this.showModel = showModel;
    }

    /**
     * One input of the form.
     *
     * @param kind   number, category or date
     * @param levels a category's known levels
     * @param hint   what to type
     */
    record Input(String name, String id, String kind, List<String> levels, String hint) {
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> form(@Nullable @QueryValue String model) {
        ShowModel.Shown shown = showModel.show(model == null || model.isBlank() ? ModelReference.ACTIVE : ModelReference.parse(model));
        if (shown.version() == null) {
            throw new com.segments.domain.SegmentsException("model version " + shown.summary().version() + " is "
                    + shown.summary().status() + " and has no model to try");
        }
        FeatureSchema schema = shown.version().model().schema();
        List<Input> inputs = new java.util.ArrayList<>();
        for (int j = 0; j < schema.fields().size(); j++) {
            inputs.add(input(schema.fields().get(j), j));
        }
        return page("predict", "predict", "Try a customer", Map.of(
                "version", shown.version().version(),
                "active", shown.summary().active(),
                "idColumn", schema.idColumn() == null ? "" : schema.idColumn(),
                "inputs", inputs));
    }

    private static Input input(Field field, int position) {
        String id = "field-" + position;
        return switch (field.kind()) {
            case NUMBER -> new Input(field.name(), id, "number", List.of(), "a number; empty if unknown");
            case CATEGORY -> new Input(field.name(), id, "category", field.levels(), "one of the known levels");
            case DATE -> new Input(field.name(), id, "date", List.of(), "a date written " + field.dateFormat()
                    + "; empty if unknown");
        };
    }
}
