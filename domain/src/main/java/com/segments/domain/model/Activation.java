package com.segments.domain.model;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * One switch of the active model.
 *
 * @param version  the version now active
 * @param previous the version active before, if any
 * @param at       when
 * @param reason   {@code activate} or {@code rollback}
 */
public record Activation(int version, OptionalInt previous, Instant at, String reason) {
}
