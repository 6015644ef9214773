package org.ldportal.launchdarkly;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * LaunchDarkly's rule for tags, as people type them into a form: separated by commas,
 * each 1 to 64 letters, digits, '.', '_' or '-'. Nothing is split silently:
 * {@code needs review!} is one tag, and it is refused by name.
 */
public final class Tags {

    /** More than LaunchDarkly's forms invite; a bound on what one text field may hold. */
    public static final int MAX_TAGS = 50;

    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    /**
     * @param tags the tags, without duplicates, in the order typed (valid or not)
     * @param problem what is wrong, naming the first bad tag, or null
     */
    public record Parsed(List<String> tags, @Nullable String problem) {
    }

    private Tags() {
    }

    public static Parsed parse(@Nullable String text) {
        List<String> tags = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(List.of(), null);
        }
        for (String part : text.split(",", -1)) {
            String tag = part.strip();
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String problem = null;
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                problem = "The tag \"" + (tag.length() > 80 ? tag.substring(0, 80) + "\u2026" : tag)
                        + "\" is not allowed: "
                        + "each tag is 1 to 64 letters, digits, '.', '_' or '-'. Separate tags with commas.";
                break;
            }
        }
        if (problem == null && tags.size() > MAX_TAGS) {
            problem = "Give at most " + MAX_TAGS + " tags.";
        }
        return new Parsed(List.copyOf(tags), problem);
    }

}
