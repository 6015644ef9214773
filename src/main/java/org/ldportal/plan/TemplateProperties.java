package org.ldportal.plan;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The templates' settings.
 *
 * @param importFrom a folder of templates kept as code ({@code <key>.json} each): at
 * start-up each whose key the portal does not have yet is checked and saved as its first
 * version, in the trail as the portal's; none when unset
 */
@ConfigurationProperties("portal.templates")
record TemplateProperties(@Nullable Path importFrom) {
}
