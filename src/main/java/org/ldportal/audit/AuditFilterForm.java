package org.ldportal.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.NullUnmarked;
import org.springframework.validation.Errors;

/**
 * The audit page's filters as they come in the URL (so a filtered view can be shared).
 * Strings, so that a bad value is reported next to its filter instead of failing the
 * page.
 */
// Bound by Spring MVC field by field: any property may be null until bound, so not
// checked.
@NullUnmarked
public class AuditFilterForm {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    private String type;

    private String outcome;

    private String action;

    private String actor;

    private String project;

    private String environment;

    private String from;

    private String to;

    private String q;

    private Integer size;

    private Long before;

    private Long after;

    /**
     * The filter, or field errors in {@code errors} for values that cannot be read (those
     * filters are left out).
     */
    AuditFilter toFilter(Errors errors) {
        AuditOutcome parsedOutcome = null;
        if (present(outcome)) {
            try {
                parsedOutcome = AuditOutcome.valueOf(outcome.trim());
            }
            catch (IllegalArgumentException e) {
                errors.rejectValue("outcome", "outcome", "Choose one of the outcomes listed.");
            }
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.rejectValue("to", "range", "The end date is before the start date.");
            toDate = null;
        }
        return new AuditFilter(blankToNull(type), parsedOutcome, blankToNull(actor), blankToNull(project),
                blankToNull(environment), fromDate == null ? null : fromDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), blankToNull(q))
            .withAction(blankToNull(action));
    }

    public int pageSize() {
        return size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
    }

    private static LocalDate date(String field, String value, Errors errors) {
        if (!present(value)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        }
        catch (DateTimeParseException e) {
            errors.rejectValue(field, "date", "Enter a date as YYYY-MM-DD, for example 2026-03-14.");
            return null;
        }
        // LocalDate reads years up to +999999999, which no timestamp column (nor the day
        // after it) can hold.
        if (date.getYear() < 1970 || date.getYear() > 9999) {
            errors.rejectValue(field, "date", "Enter a date between the years 1970 and 9999.");
            return null;
        }
        return date;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.trim() : null;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }

}
