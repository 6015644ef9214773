package org.ldportal.change;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the checks with LaunchDarkly found for one change, for the review and approval
 * pages.
 *
 * @param findings what stands in the way or deserves a look, each at its line
 * @param unavailable why some of it could not be asked just now (LaunchDarkly slow or
 * unreachable), or null when everything was asked: then LaunchDarkly's own answer, when
 * the change is sent, is the check
 */
public record Checks(List<CheckFinding> findings, @Nullable String unavailable) {

    /** Nothing to ask, or nothing found. */
    public static final Checks NONE = new Checks(List.of(), null);

    public Checks {
        findings = List.copyOf(findings);
    }

    /** Whether LaunchDarkly would refuse the change as it stands. */
    public boolean blocking() {
        return findings.stream().anyMatch(CheckFinding::blocking);
    }

    /** What was found about the review line with this label. */
    public List<CheckFinding> at(String line) {
        return findings.stream().filter(finding -> line.equals(finding.line())).toList();
    }

    /**
     * What was found about none of the review's lines (the change as a whole, or a line
     * the review does not show), to be shown above them.
     */
    public List<CheckFinding> apartFrom(Review review) {
        Set<String> labels = Stream.concat(review.target().stream(), review.fields().stream())
            .map(Review.Line::label)
            .collect(Collectors.toSet());
        return findings.stream().filter(finding -> finding.line() == null || !labels.contains(finding.line())).toList();
    }

    /** The blocking findings in one sentence each, for a message above a page. */
    public String blockingInWords() {
        return findings.stream()
            .filter(CheckFinding::blocking)
            .map(CheckFinding::message)
            .collect(Collectors.joining(" "));
    }

}
