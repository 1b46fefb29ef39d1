package jp.tsunagu.escalation.web;

import java.util.Locale;

import jp.tsunagu.org.Organisation;

/** A section's name in the reader's language, or its code when the organisation does not know it. */
final class SectionNames {

    private SectionNames() {
    }

    static String of(Organisation organisation, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return organisation.findSection(code).map(s -> english ? s.nameEn() : s.nameJa()).orElse(code);
    }
}
