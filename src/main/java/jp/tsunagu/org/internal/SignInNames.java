package jp.tsunagu.org.internal;

import java.util.Locale;

/**
 * The one form of a name typed to sign in: without the space around it and in lower case, the form every username
 * is stored in (the person table refuses any other, V20). {@code Sato} and {@code SATO} are therefore {@code sato},
 * locally as in the directory, and their failed sign-ins count towards one lock.
 */
final class SignInNames {

    private SignInNames() {
    }

    static String canonical(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }
}
