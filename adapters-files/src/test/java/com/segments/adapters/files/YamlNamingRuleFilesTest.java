package com.segments.adapters.files;

import com.segments.domain.profile.NamingRules;
import com.segments.domain.table.DataSourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlNamingRuleFilesTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yml"), yaml);
    }

    @Test
    void theBundledRulesLoad() {
        NamingRules rules = new YamlNamingRuleFiles().defaults();
        assertThat(rules.rules()).extracting(NamingRules.Rule::name)
                .contains("Premium High Spenders", "Cash-Advance Heavy", "Low Engagement", "The Diner", "Champions");
        assertThat(rules.rules()).allSatisfy(r -> assertThat(r.offers()).isNotEmpty());
    }

    @Test
    void aRuleFileWithOffersByNameOrIdReads() throws IOException {
        NamingRules rules = new YamlNamingRuleFiles().read(write("""
                rules:
                  - name: Big Spenders
                    when: [{feature: [PURCHASES], above: 0.5}]
                offers:
                  Big Spenders: [Metal card]
                  "3": [Call]
                """));
        assertThat(rules.rules().getFirst().when().getFirst()).isInstanceOf(NamingRules.Above.class);
        assertThat(rules.offers()).containsEntry("big spenders", java.util.List.of("Metal card")).containsKey("3");
    }

    @Test
    void mistakesAreNamed() throws IOException {
        assertThatThrownBy(() -> new YamlNamingRuleFiles().read(write("rules:\n  - {name: X, when: [{feature: A, abvoe: 1}]}\n")))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("rules[0] (X)").hasMessageContaining("unknown key 'abvoe'");
        assertThatThrownBy(() -> new YamlNamingRuleFiles().read(write("rules:\n  - {name: X, when: []}\n")))
                .hasMessageContaining("needs 'when' with at least one condition");
        assertThatThrownBy(() -> new YamlNamingRuleFiles().read(write("rules:\n  - {name: X, when: [{feature: A, above: 1, below: 2}]}\n")))
                .hasMessageContaining("exactly one of 'above', 'below' or 'near'");
        assertThatThrownBy(() -> new YamlNamingRuleFiles().read(write("names: []\n"))).hasMessageContaining("expected 'rules:'");
    }
}
