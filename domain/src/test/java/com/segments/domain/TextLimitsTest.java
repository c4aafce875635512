package com.segments.domain;

import com.segments.domain.feature.FieldValidationException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextLimitsTest {

    @Test
    void tooLongTextIsRefusedNamingTheField() {
        assertThat(TextLimits.line("name", "x".repeat(80), TextLimits.NAME)).hasSize(80);
        assertThatThrownBy(() -> TextLimits.line("name", "x".repeat(81), TextLimits.NAME))
                .isInstanceOf(FieldValidationException.class).hasMessage("field 'name': is 81 characters long; at most 80");
    }

    @Test
    void controlAndBidiOverrideCharactersAreRefused() {
        for (String bad : List.of("a\u0000b", "a\u202Eb", "a\u2066b", "a\u2069", "\u007F", "a\u0085", "a\nb")) {
            assertThatThrownBy(() -> TextLimits.line("name", bad, TextLimits.NAME))
                    .isInstanceOf(FieldValidationException.class).hasMessageContaining("field 'name': holds the");
        }
        assertThat(TextLimits.paragraph("description", "two\nlines\tand a tab", TextLimits.DESCRIPTION)).contains("\n");
        assertThatThrownBy(() -> TextLimits.paragraph("description", "a\u202Db", TextLimits.DESCRIPTION))
                .hasMessageContaining("U+202D");
        assertThat(TextLimits.line("name", "Café Ünïcödé 汉字 \u200D", TextLimits.NAME)).startsWith("Café");
    }

    @Test
    void listsAreBoundedInCountAndItemLength() {
        assertThatThrownBy(() -> TextLimits.lines("offers", Collections.nCopies(21, "x"), TextLimits.OFFERS, TextLimits.OFFER))
                .hasMessage("field 'offers': holds 21 items; at most 20");
        assertThatThrownBy(() -> TextLimits.lines("offers", List.of("ok", "y".repeat(201)), TextLimits.OFFERS, TextLimits.OFFER))
                .isInstanceOf(FieldValidationException.class).extracting(e -> ((FieldValidationException) e).field())
                .isEqualTo("offers[1]");
    }

    @Test
    void versionsAreAsciiDigitsOnly() {
        assertThat(TextLimits.version("version", "12")).isEqualTo(12);
        for (String bad : List.of("\uFF11", "1.5", "-1", "0", "", " 1", "1e3", "99999999999", "\u0661")) {
            assertThatThrownBy(() -> TextLimits.version("version", bad))
                    .isInstanceOf(FieldValidationException.class).hasMessageStartingWith("field 'version'");
        }
    }

    @Test
    void echoShortensAndEscapes() {
        assertThat(TextLimits.echo("a\u202Eb")).isEqualTo("a\\u202Eb");
        assertThat(TextLimits.echo("x".repeat(1000))).hasSize(TextLimits.ECHO + 3).endsWith("...");
    }
}
