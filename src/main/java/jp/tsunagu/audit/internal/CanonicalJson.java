package jp.tsunagu.audit.internal;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Canonical JSON: sorted keys at every depth, no insignificant whitespace, UTF-8 when turned into bytes. */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .findAndAddModules()
            .build();

    private CanonicalJson() {
    }

    static String of(Map<String, ?> value) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }

    /**
     * A JSON string literal, escaped exactly as {@link #of} escapes strings (Jackson's standard escapes), without
     * building a generator for every call: the verifier quotes three strings per event, a million times.
     */
    static String quote(String text) {
        char[] escaped = JsonStringEncoder.getInstance().quoteAsString(text);
        return new StringBuilder(escaped.length + 2).append('"').append(escaped).append('"').toString();
    }
}
