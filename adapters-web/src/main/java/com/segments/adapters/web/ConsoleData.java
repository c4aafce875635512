package com.segments.adapters.web;

import com.segments.application.DescribeSegments;
import com.segments.application.ModelReference;
import com.segments.application.ProjectCustomers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Data only a page draws, too large to travel inside the page: the map of a version's customers. Column arrays
 * rather than one object per point keep 10,000 points small.
 */
@Controller("/console/data")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleData {

    private final ProjectCustomers projectCustomers;
    private final DescribeSegments describeSegments;

    ConsoleData(ProjectCustomers projectCustomers, DescribeSegments describeSegments) {
        this.projectCustomers = projectCustomers;
        this.describeSegments = describeSegments;
    }

    /**
     * @param rows        rows of the training data read; {@code ids.size()} of them are drawn
     * @param names       segment names by id
     * @param unavailable why there is no map, or null
     */
    @Serdeable
    record ProjectionResponse(int version, String source, long rows, List<String> names, List<String> ids,
                              List<Integer> segments, List<Double> x, List<Double> y, @Nullable String unavailable) {
    }

    @Get(uri = "/projection", produces = MediaType.APPLICATION_JSON)
    ProjectionResponse projection(@Nullable @QueryValue String model) {
        ModelReference reference = ModelReference.parse(model);
        ProjectCustomers.Projection projection = projectCustomers.project(reference);
        List<String> names = describeSegments.segments(new ModelReference(projection.version(), null)).segments().stream()
                .map(d -> d.label().name()).toList();
        List<ProjectCustomers.Point> points = projection.points();
        return new ProjectionResponse(projection.version(), projection.source(), projection.rows(), names,
                points.stream().map(ProjectCustomers.Point::id).toList(),
                points.stream().map(ProjectCustomers.Point::segment).toList(),
                points.stream().map(p -> round(p.x())).toList(), points.stream().map(p -> round(p.y())).toList(),
                projection.unavailable());
    }

    /** Four decimals are finer than a pixel of any map. */
    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
