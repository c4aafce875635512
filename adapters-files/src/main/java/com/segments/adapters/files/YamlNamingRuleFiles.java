package com.segments.adapters.files;

import com.segments.domain.profile.NamingRuleFiles;
import com.segments.domain.profile.NamingRules;
import com.segments.domain.table.DataSourceException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads segment naming rules from YAML (the format of the bundled default, {@code segment-rules.yml}). */
public final class YamlNamingRuleFiles implements NamingRuleFiles {

    private static final String DEFAULT = "/com/segments/adapters/files/segment-rules.yml";

    /** The bundled rules for credit-card, retail and transaction-lifestyle data. */
    @Override
    public NamingRules defaults() {
        try (InputStream in = YamlNamingRuleFiles.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT + " is missing from the build");
            }
            return parse(load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), "segment-rules.yml");
        } catch (IOException e) {
            throw new IllegalStateException(DEFAULT + " cannot be read", e);
        }
    }

    /** Rules from a file. @throws DataSourceException naming the file and the offending entry */
    @Override
    public NamingRules read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataSourceException(file + ": no such rule file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(load(reader), file.getFileName().toString());
        } catch (IOException e) {
            throw new DataSourceException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Object load(Reader reader) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new DataSourceException("not valid YAML: " + e.getMessage(), e);
        }
    }

    private static NamingRules parse(Object document, String file) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> items)) {
            throw new DataSourceException(file + ": expected 'rules:' with a list of {name, description, when, offers}");
        }
        check(root.keySet(), Set.of("rules", "offers"), file);
        Map<String, List<String>> offersByName = new java.util.LinkedHashMap<>();
        if (root.get("offers") != null) {
            if (!(root.get("offers") instanceof Map<?, ?> mapping)) {
                throw new DataSourceException(file + ": 'offers' must map a segment name or id to a list of offers");
            }
            mapping.forEach((key, value) -> {
                if (!(value instanceof List<?> list)) {
                    throw new DataSourceException(file + ": offers." + key + " must be a list of offers");
                }
                offersByName.put(String.valueOf(key), list.stream().map(String::valueOf).toList());
            });
        }
        List<NamingRules.Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = file + ": rules[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new DataSourceException(where + " must be a mapping");
            }
            check(item.keySet(), Set.of("name", "description", "when", "offers"), where);
            if (!(item.get("name") instanceof String name) || name.isBlank()) {
                throw new DataSourceException(where + " needs a name");
            }
            if (!(item.get("when") instanceof List<?> when) || when.isEmpty()) {
                throw new DataSourceException(where + " (" + name + ") needs 'when' with at least one condition");
            }
            List<NamingRules.Condition> conditions = new ArrayList<>();
            for (Object c : when) {
                conditions.add(condition(c, where + " (" + name + ")"));
            }
            List<String> offers = item.get("offers") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            String description = item.get("description") == null ? name : String.valueOf(item.get("description"));
            rules.add(new NamingRules.Rule(name, description, conditions, offers));
        }
        return new NamingRules(rules, offersByName);
    }

    private static NamingRules.Condition condition(Object value, String where) {
        if (!(value instanceof Map<?, ?> c)) {
            throw new DataSourceException(where + ": a condition must be a mapping such as {feature: PURCHASES, above: 0.5}");
        }
        if (c.containsKey("top_share")) {
            check(c.keySet(), Set.of("top_share", "prefix"), where);
            String prefix = c.get("prefix") == null ? "share_" : String.valueOf(c.get("prefix"));
            return new NamingRules.TopShare(prefix, String.valueOf(c.get("top_share")));
        }
        check(c.keySet(), Set.of("feature", "above", "below", "near", "mean_above", "mean_below"), where);
        List<String> features = c.get("feature") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : c.get("feature") == null ? List.of() : List.of(String.valueOf(c.get("feature")));
        if (features.isEmpty()) {
            throw new DataSourceException(where + ": a condition needs 'feature' (a name or a list of alternatives)");
        }
        List<String> kinds = c.keySet().stream().map(String::valueOf).filter(k -> !k.equals("feature")).toList();
        if (kinds.size() != 1 || !(c.get(kinds.getFirst()) instanceof Number number)) {
            throw new DataSourceException(where + ": a condition needs exactly one of 'above', 'below' or 'near' (standard "
                    + "deviations from the population mean) or 'mean_above' or 'mean_below' (the feature's own units), "
                    + "with a number");
        }
        double v = number.doubleValue();
        return switch (kinds.getFirst()) {
            case "above" -> new NamingRules.Above(features, v);
            case "below" -> new NamingRules.Below(features, v);
            case "near" -> new NamingRules.Near(features, v);
            case "mean_above" -> new NamingRules.MeanAbove(features, v);
            default -> new NamingRules.MeanBelow(features, v);
        };
    }

    private static void check(Set<?> keys, Set<String> allowed, String where) {
        for (Object key : keys) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new DataSourceException(where + ": unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }
}
