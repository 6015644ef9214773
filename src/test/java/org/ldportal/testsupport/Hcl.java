package org.ldportal.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of HCL, Terraform's language, for the tests of the Terraform the portal
 * writes: blocks with labels, attributes, strings (with HCL's escapes, and {@code $${}
 * for a literal {@code ${}), numbers, booleans, null, lists, objects, comments and
 * references such as {@code var.policy_key}. An interpolation or a function call is
 * refused, since the portal writes none: the value would not be what it reads.
 */
public final class Hcl {

    /** A body: its attributes by name and its blocks in order. */
    public record Body(Map<String, Object> attributes, List<Block> blocks) {

        public List<Block> blocks(String type) {
            return blocks.stream().filter(block -> block.type().equals(type)).toList();
        }
    }

    public record Block(String type, List<String> labels, Body body) {
    }

    /** A reference to something else ({@code var.x}), not a value. */
    public record Reference(String path) {
    }

    private final String text;

    private int at;

    private Hcl(String text) {
        this.text = text;
    }

    public static Body parse(String text) {
        Hcl reader = new Hcl(text);
        Body body = reader.body(false);
        reader.skipSpace(true);
        if (reader.at < text.length()) {
            throw reader.error("text after the last block");
        }
        return body;
    }

    private Body body(boolean nested) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (at >= text.length() || (nested && peek() == '}')) {
                return new Body(attributes, blocks);
            }
            String name = identifier();
            skipSpace(false);
            if (peek() == '=') {
                at++;
                if (attributes.put(name, expression()) != null) {
                    throw error("the attribute " + name + " twice");
                }
                endOfLine();
            }
            else {
                List<String> labels = new ArrayList<>();
                while (peek() == '"') {
                    labels.add(string());
                    skipSpace(false);
                }
                expect('{');
                Body inner = body(true);
                expect('}');
                blocks.add(new Block(name, labels, inner));
                endOfLine();
            }
        }
    }

    private Object expression() {
        skipSpace(false);
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            at++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace(true);
                if (peek() == ']') {
                    at++;
                    return items;
                }
                items.add(expression());
                skipSpace(true);
                if (peek() == ',') {
                    at++;
                }
                else if (peek() != ']') {
                    throw error("',' or ']' in a list");
                }
            }
        }
        if (c == '{') {
            at++;
            Map<String, Object> object = new LinkedHashMap<>();
            while (true) {
                skipSpace(true);
                if (peek() == '}') {
                    at++;
                    return object;
                }
                String key = peek() == '"' ? string() : identifier();
                skipSpace(false);
                if (peek() != '=' && peek() != ':') {
                    throw error("'=' after the key " + key);
                }
                at++;
                object.put(key, expression());
                skipSpace(false);
                if (peek() == ',') {
                    at++;
                }
            }
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = at++;
            while (at < text.length() && (Character.isDigit(peek()) || ".eE+-".indexOf(peek()) >= 0)) {
                at++;
            }
            return new BigDecimal(text.substring(start, at));
        }
        String word = identifier();
        while (peek() == '.') {
            at++;
            word += "." + identifier();
        }
        skipSpace(false);
        if (peek() == '(') {
            throw error("a function call, which the portal never writes");
        }
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> new Reference(word);
        };
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("an unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                throw error("a line break in a quoted string");
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("the escape \\" + e);
                }
            }
            else if ((c == '$' || c == '%') && peek() == '{') {
                throw error("a template sequence " + c + "{ in a string");
            }
            else if ((c == '$' || c == '%') && peek() == c && at + 1 < text.length() && text.charAt(at + 1) == '{') {
                // $${ is a literal ${, %%{ a literal %{.
                out.append(c).append('{');
                at += 2;
            }
            else {
                out.append(c);
            }
        }
    }

    private String identifier() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            at++;
        }
        if (start == at) {
            throw error("a name");
        }
        return text.substring(start, at);
    }

    private void skipSpace(boolean newlines) {
        while (at < text.length()) {
            char c = peek();
            if (c == '#' || (c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '/')) {
                if (!newlines) {
                    return;
                }
                while (at < text.length() && peek() != '\n') {
                    at++;
                }
            }
            else if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                at++;
            }
            else {
                return;
            }
        }
    }

    private void endOfLine() {
        skipSpace(false);
        if (at < text.length() && peek() == '#') {
            skipSpace(true);
            return;
        }
        if (at < text.length() && peek() != '\n' && peek() != '}') {
            throw error("the end of the line");
        }
    }

    private void expect(char c) {
        skipSpace(true);
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private IllegalArgumentException error(String expected) {
        int line = (int) text.substring(0, Math.min(at, text.length())).chars().filter(c -> c == '\n').count() + 1;
        return new IllegalArgumentException("HCL: expected " + expected + " at line " + line + ":\n" + text);
    }

}
