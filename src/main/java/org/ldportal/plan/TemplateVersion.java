package org.ldportal.plan;

import java.time.Instant;

/** One saved version of a template, as the admin wrote it. */
public record TemplateVersion(String key, int version, String name, String document, String savedBy, Instant savedAt) {
}
