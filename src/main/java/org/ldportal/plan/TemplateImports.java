package org.ldportal.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Templates kept as code, imported at start-up ({@code portal.templates.import-from}):
 * each file whose key is new is checked and saved like an admin's save, recorded as the
 * portal's. A template the portal has already is left as the admins keep it; one that
 * fails its checks is not saved, and the log says why. Two instances starting at once
 * save each once (the key is the table's primary key).
 */
@Component
class TemplateImports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TemplateImports.class);

    static final CurrentUser PORTAL = new CurrentUser("ld-portal", "LD Portal (templates kept as code)", null,
            Set.of(PortalRole.ADMIN));

    private final TemplateProperties properties;

    private final Templates templates;

    private final TemplateAdmin admin;

    TemplateImports(TemplateProperties properties, Templates templates, TemplateAdmin admin) {
        this.properties = properties;
        this.templates = templates;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path folder = properties.importFrom();
        if (folder != null) {
            importFrom(folder);
        }
    }

    /** Imports the folder's new templates; answers the keys saved. */
    List<String> importFrom(Path folder) {
        if (!Files.isDirectory(folder)) {
            log.warn("portal.templates.import-from is {}, which is not a folder: no template imported", folder);
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                .sorted()
                .filter(this::importOne)
                .map(TemplateImports::key)
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read the templates in " + folder, e);
        }
    }

    private boolean importOne(Path file) {
        String key = key(file);
        if (templates.find(key).isPresent()) {
            return false;
        }
        String text;
        try {
            text = Files.readString(file);
        }
        catch (IOException e) {
            log.warn("Template {} could not be read: {}", file.getFileName(), e.getMessage());
            return false;
        }
        TemplateAdmin.Saved saved = admin.save(key, 0, text, PORTAL);
        if (saved instanceof TemplateAdmin.Saved.Problems problems) {
            // A template never holds a secret (a secret written in is itself a problem,
            // and
            // the problems name fields, not values).
            log.warn("Template {} was not imported: {}", file.getFileName(), problems.problems());
        }
        return saved instanceof TemplateAdmin.Saved.Version;
    }

    private static String key(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

}
