package org.ldportal.testsupport;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core's WCAG 2.1 A and AA rules on the page the browser shows: no serious or
 * critical violation.
 */
public final class Axe {

    public static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    public static void assertNoSeriousViolations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
        List<Rule> serious = results.getViolations()
            .stream()
            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
        assertThat(serious).as("serious or critical violations on %s:%n%s", page, describe(serious)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
            .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                    + rule.getNodes()
                        .stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(5)
                        .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"));
    }

}
