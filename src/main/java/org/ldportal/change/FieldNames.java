package org.ldportal.change;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds which of a form's fields LaunchDarkly's error message names, to put the message
 * there.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /**
     * The longest field key that the message names as a whole word ("config.roleArn"
     * names roleArn).
     */
    public static @Nullable String namedIn(@Nullable String message, Collection<String> fieldKeys) {
        if (message == null) {
            return null;
        }
        List<String> longestFirst = fieldKeys.stream()
            .filter(key -> key != null && !key.isBlank())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
        for (String key : longestFirst) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(key) + "(?![A-Za-z0-9_-])");
            if (word.matcher(message).find()) {
                return key;
            }
        }
        return null;
    }

}
