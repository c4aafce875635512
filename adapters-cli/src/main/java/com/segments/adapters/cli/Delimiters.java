package com.segments.adapters.cli;

import picocli.CommandLine;

/** Reads {@code --delimiter}: one character, or {@code tab} / {@code \t} for a tab; absent means detect. */
final class Delimiters implements CommandLine.ITypeConverter<Character> {

    @Override
    public Character convert(String value) {
        return switch (value) {
            case "tab", "TAB", "\\t", "\t" -> '\t';
            default -> {
                if (value.length() != 1) {
                    throw new CommandLine.TypeConversionException(
                            "a delimiter is one character (or 'tab'), got '" + value + "'");
                }
                yield value.charAt(0);
            }
        };
    }
}
