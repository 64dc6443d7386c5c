package io.damwebhooks.event.boundary;

/**
 * How deep a JSON text nests its arrays and objects, counted over the raw bytes before any parser
 * sees them: the JSON-P reader builds nested values recursively, and a body of a hundred thousand
 * {@code [} would exhaust its stack (a 500) instead of being refused (a 400).
 */
final class Nesting {

    static final int MAX_DEPTH = 100;

    private Nesting() { }

    /** Whether the text nests deeper than {@code max}; strings (with their escapes) are skipped. */
    static boolean deeperThan(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') i++;
                else if (b == '"') inString = false;
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > max) return true;
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return false;
    }
}
