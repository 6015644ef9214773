package org.ldportal.status;

import java.util.Comparator;
import java.util.List;

import org.ldportal.launchdarkly.RecentCalls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admins' status page: is the portal in working order, and if not, where to look. */
@Controller
class StatusController {

    private final List<StatusSection> sections;

    private final RecentCalls calls;

    StatusController(List<StatusSection> sections, RecentCalls calls) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(StatusSection::order)).toList();
        this.calls = calls;
    }

    @GetMapping("/status")
    String status(Model model) {
        model.addAttribute("sections",
                sections.stream().map(section -> new Shown(section.title(), section.lines())).toList());
        model.addAttribute("failedCalls", calls.failures().stream().limit(20).toList());
        return "status";
    }

    record Shown(String title, List<StatusSection.Line> lines) {
    }

}
