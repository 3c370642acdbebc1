package dev.userprofile.adapters.shared.logging;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text of the plain values a log line or a tool's summary holds: maps (in their order), lists, strings, numbers,
 * booleans and null; anything else as its string. Every text stays valid JSON, whatever characters it holds.
 */
public final class JsonText {

    private JsonText() {}

    public static String of(@Nullable Object value) {
        StringBuilder json = new StringBuilder(256);
        appendValue(json, value);
        return json.toString();
    }

    private static void appendValue(StringBuilder json, @Nullable Object value) {
        switch (value) {
            case null -> json.append("null");
            case Number number -> json.append(number);
            case Boolean bool -> json.append(bool);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    appendString(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    appendValue(json, entry.getValue());
                }
                json.append('}');
            }
            case List<?> list -> {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    appendValue(json, list.get(i));
                }
                json.append(']');
            }
            default -> appendString(json, value.toString());
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
