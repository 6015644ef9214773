package org.ldportal.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ldportal.change.pages.PageLookups;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.Project;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Who may do what", for admins: the access rules as configured, and for a person's
 * groups typed in, the role they hold in each project and environment and which rule (or
 * global group) gives it. Read-only: rules live in configuration, where changes are
 * reviewed like code.
 */
@Controller
@RequestMapping("/access")
class AccessController {

    /** Enough for any company's groups; a longer value is cut, never parsed further. */
    private static final int MAX_GROUPS_LENGTH = 2000;

    private final ProjectAccess access;

    private final LaunchDarklyDirectory directory;

    private final PageLookups lookups;

    AccessController(ProjectAccess access, LaunchDarklyDirectory directory, PageLookups lookups) {
        this.access = access;
        this.directory = directory;
        this.lookups = lookups;
    }

    @GetMapping
    String explain(@RequestParam(name = "user", required = false) String user,
            @RequestParam(name = "groups", required = false) String groups, Model model) {
        model.addAttribute("rules", access.rules());
        model.addAttribute("rulesConfigured", access.rulesConfigured());
        model.addAttribute("user", user);
        model.addAttribute("groups", groups);
        List<String> memberOf = groupsOf(groups);
        if (groups == null) {
            return "access/explain";
        }
        model.addAttribute("memberOf", memberOf);
        model.addAttribute("account", access.explainAccount(memberOf));
        List<Place> places = new ArrayList<>();
        for (Project project : lookups.listOrWarn(model, directory::projects)) {
            for (Environment environment : lookups.listOrWarn(model, () -> directory.environments(project.key()))) {
                places.add(new Place(project, environment, access.explain(memberOf, project.key(), environment.key())));
            }
        }
        model.addAttribute("places", places);
        return "access/explain";
    }

    private static List<String> groupsOf(String typed) {
        if (typed == null) {
            return List.of();
        }
        String bounded = typed.length() > MAX_GROUPS_LENGTH ? typed.substring(0, MAX_GROUPS_LENGTH) : typed;
        return Arrays.stream(bounded.split("[,\\n]"))
            .map(String::strip)
            .filter(group -> !group.isEmpty())
            .distinct()
            .toList();
    }

    /**
     * One environment of one project, with the roles the groups hold there (strongest
     * first; empty for none).
     */
    record Place(Project project, Environment environment, List<ProjectAccess.Grant> grants) {

        public String strongest() {
            return grants.isEmpty() ? "none" : grants.get(0).role().label();
        }
    }

}
