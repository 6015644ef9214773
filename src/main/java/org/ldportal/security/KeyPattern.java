package org.ldportal.security;

/**
 * A project or environment key, or a glob of one: {@code *} stands for any run of
 * characters ({@code payments-*}, {@code *-eu}, {@code *}). Keys are compared exactly, as
 * LaunchDarkly does.
 */
public final class KeyPattern {

    private KeyPattern() {
    }

    public static boolean matches(String pattern, String key) {
        return matches(pattern, 0, key, 0);
    }

    private static boolean matches(String pattern, int p, String key, int k) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                // Runs of stars are one star; then try every split of the rest (patterns
                // are a few characters long).
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int from = k; from <= key.length(); from++) {
                    if (matches(pattern, p, key, from)) {
                        return true;
                    }
                }
                return false;
            }
            if (k >= key.length() || key.charAt(k) != c) {
                return false;
            }
            p++;
            k++;
        }
        return k == key.length();
    }

    /** The pattern as an SQL {@code LIKE} pattern with {@code \} as escape character. */
    public static String toSqlLike(String pattern) {
        StringBuilder like = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

}
