package jp.tsunagu.org.internal;

import java.util.Set;

/** The sections a service account's token allows, kept as the authentication's details. */
public record ServiceTokenScope(Set<String> sections) {
}
