package jp.tsunagu.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.audit.AbstractAuditIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The raise form, the menu and {@code POST /api/issues} follow one rule of who raises for which section. The form
 * offered a city coordinator only their own section though the API took any, and the menu hid 課題の登録 from a
 * designated manager (指定管理者), whom the API lets raise for their section.
 */
class RaiseRightsTest extends AbstractAuditIntegrationTest {

    static final String PARTNER = "bunka-hall-partner";
    static final Pattern OPTION = Pattern.compile("value=\"([^\"]+)\"");

    @BeforeEach
    void aPartnerOfTheCultureSection() {
        if (count("select count(*) from person where username = ?", PARTNER) == 0) {
            jdbc.sql("""
                    insert into person (username, display_name, password_hash, role, section_code, department_code)
                    select ?, '市民会館 指定管理者', password_hash, 'EXTERNAL_PARTNER', 'bunka-jinken', 'shimin-seikatsu'
                    from person where username = 'sato'""").param(PARTNER).update();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sato", "suzuki", "takahashi", "kobayashi", "kimura", "tanaka", "yamamoto", "nakamura",
            "ito", PARTNER})
    void theFormOffersExactlyTheSectionsTheApiAcceptsAndTheMenuLeadsThere(String person) throws Exception {
        String form = mvc.perform(get("/issues/new").with(signedIn(person)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> accepted = new ArrayList<>();
        for (String section : jdbc.sql("select code from section order by code").query(String.class).list()) {
            int status = api.as(person).post("/api/issues", mediumIssueOf(section)).andReturn().getResponse().getStatus();
            assertThat(status).as("%s raising for %s", person, section).isIn(201, 403);
            if (status == 201) {
                accepted.add(section);
            }
        }

        assertThat(accepted).isNotEmpty();
        assertThat(offeredSections(form)).as("the form's sections").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(menu(person)).contains("href=\"/issues/new\"");
    }

    /** The menu is there, with the person's own start page, but without the raise form. */
    @ParameterizedTest
    @CsvSource({"watanabe, /audit", "admin, /admin"})
    void theMenuOffersNoRaisingToThoseTheIntakeRefuses(String person, String ownPage) throws Exception {
        assertThat(menu(person)).contains("href=\"" + ownPage + "\"").doesNotContain("href=\"/issues/new\"");
    }

    /** The page as the person's browser gets it, with the role their sign-in gives them. */
    private String menu(String person) throws Exception {
        return mvc.perform(get("/dashboard").with(signedIn(person))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private RequestPostProcessor signedIn(String person) {
        String role = jdbc.sql("select role from person where username = ?").param(person).query(String.class).single();
        return user(person).roles(role);
    }

    private static List<String> offeredSections(String form) {
        int start = form.indexOf("id=\"sectionCode\"");
        Matcher options = OPTION.matcher(form.substring(start, form.indexOf("</select>", start)));
        List<String> codes = new ArrayList<>();
        while (options.find()) {
            codes.add(options.group(1));
        }
        return codes;
    }
}
