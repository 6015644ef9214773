package org.ldportal.launchdarkly;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names and quoting for the code the portal writes out (shell, jq, HCL). */
final class CodeText {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CodeText() {
    }

    /**
     * A name in snake case as the Terraform provider spells the API's fields
     * ({@code roleArn} is {@code role_arn}, {@code hostURL} is {@code host_url},
     * {@code base-url} is {@code base_url}).
     */
    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                char before = name.charAt(i - 1);
                boolean acronymEnds = Character.isUpperCase(before) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before) || acronymEnds) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        String snake = out.toString().replaceAll("_+$", "");
        return snake.toLowerCase(Locale.ROOT);
    }

    /** A word as one shell argument, quoted only when it must be. */
    static String shellWord(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Text in single quotes for the shell, whatever it holds. */
    static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * A quoted HCL string: escapes, and the template sequences {@code ${} and {@code %{}
     * doubled, so that Terraform takes the text as it is.
     */
    static String hclString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean template = (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                        if (template) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The JSON pointer of a field of the object at {@code parent}. */
    static String pointer(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** A name Terraform takes for a resource or a variable. */
    static String identifier(String text) {
        String name = snake(text).replaceAll("[^a-z0-9_]", "");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "r_" + name : name;
    }

}
