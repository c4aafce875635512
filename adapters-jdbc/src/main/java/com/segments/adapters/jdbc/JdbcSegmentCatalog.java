package com.segments.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.segments.domain.SegmentsException;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.profile.SegmentProfile;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Segment profiles and labels on plain JDBC; profiles as one JSON document per version (plain records). */
@Singleton
class JdbcSegmentCatalog implements SegmentCatalog {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final DataSource dataSource;

    JdbcSegmentCatalog(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public void saveProfiles(int version, List<SegmentProfile> profiles) {
        String json;
        try {
            json = JSON.writeValueAsString(profiles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment profiles could not be written as JSON", e);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM segment_profile WHERE version = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO segment_profile (version, profiles) VALUES (?, ?)")) {
                delete.setInt(1, version);
                delete.executeUpdate();
                insert.setInt(1, version);
                insert.setString(2, json);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SegmentsException("storing the segment profiles of version " + version + " failed: " + e.getMessage());
        }
    }

    @Override
    public List<SegmentProfile> profiles(int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT profiles FROM segment_profile WHERE version = ?")) {
            select.setInt(1, version);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                return JSON.readValue(rs.getString(1), new TypeReference<List<SegmentProfile>>() {
                });
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new SegmentsException("reading the segment profiles of version " + version + " failed: " + e.getMessage());
        }
    }

    @Override
    public void saveLabels(int version, List<SegmentLabel> labels) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM segment_label WHERE version = ? AND segment = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO segment_label "
                         + "(version, segment, name, description, offers, edited) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (SegmentLabel label : labels) {
                    delete.setInt(1, version);
                    delete.setInt(2, label.segment());
                    delete.executeUpdate();
                    insert.setInt(1, version);
                    insert.setInt(2, label.segment());
                    insert.setString(3, label.name());
                    insert.setString(4, label.description());
                    insert.setString(5, JSON.writeValueAsString(label.offers()));
                    insert.setBoolean(6, label.edited());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new SegmentsException("storing the segment names of version " + version + " failed: " + e.getMessage());
        }
    }

    @Override
    public List<SegmentLabel> labels(int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT segment, name, description, offers, edited "
                     + "FROM segment_label WHERE version = ? ORDER BY segment")) {
            select.setInt(1, version);
            List<SegmentLabel> labels = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    labels.add(new SegmentLabel(rs.getInt(1), rs.getString(2), rs.getString(3),
                            JSON.readValue(rs.getString(4), new TypeReference<List<String>>() {
                            }), rs.getBoolean(5)));
                }
            }
            return labels;
        } catch (SQLException | JsonProcessingException e) {
            throw new SegmentsException("reading the segment names of version " + version + " failed: " + e.getMessage());
        }
    }
}
