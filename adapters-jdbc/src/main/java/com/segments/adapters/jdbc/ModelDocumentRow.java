package com.segments.adapters.jdbc;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A version's stored model document with its digest and signature, for the integrity check. */
@Introspected
record ModelDocumentRow(int version, @Nullable String artifact, @Nullable String artifactSha256,
                        @Nullable String artifactHmac) {
}
