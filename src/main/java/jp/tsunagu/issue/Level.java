package jp.tsunagu.issue;

import java.util.Optional;

/** SECTION → DEPARTMENT → CITY. */
public enum Level {
    SECTION, DEPARTMENT, CITY;

    public Optional<Level> next() {
        return this == CITY ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
