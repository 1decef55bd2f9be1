package org.bastion.crm.api.rest;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code If-Match} header (RFC 9110 13.1.1) over the version ETags of {@link EntityTags}: either {@code *}
 * or a set of versions; weak or foreign tags never match.
 *
 * @param any whether the header was {@code *} (any current version matches)
 * @param versions the versions named by strong ETags of the form {@code "<version>"}
 */
public record IfMatch(boolean any, Set<Long> versions) {

    public IfMatch {
        // keeps the order the header named them in (Set.copyOf would not): the first is the "expected" version
        versions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(versions));
    }

    /**
     * Parses a header that must be present, as for PUT and PATCH.
     *
     * @throws PreconditionRequiredException when the header is missing or blank
     */
    public static IfMatch require(String header) {
        return parse(header).orElseThrow(() -> new PreconditionRequiredException(
                "this change needs an If-Match header with the ETag of the version you edited"));
    }

    /** Parses an optional header, as for DELETE; empty when the header is missing or blank. */
    public static Optional<IfMatch> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (header.trim().equals("*")) {
            return Optional.of(new IfMatch(true, Set.of()));
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            EntityTags.versionOf(tag.trim()).ifPresent(versions::add);
        }
        return Optional.of(new IfMatch(false, versions));
    }

    /** Whether a record at {@code currentVersion} satisfies this precondition. */
    public boolean matches(long currentVersion) {
        return any || versions.contains(currentVersion);
    }

    /** The version the caller expected, for error messages: the first one named, or -1 when none or any. */
    public long expectedVersion() {
        return versions.stream().findFirst().orElse(-1L);
    }
}
