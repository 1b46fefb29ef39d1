package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person added with three wrong fields that the browser itself lets through: the page comes back once with all
 * three marked, focus on the summary, which leads to each of them, what was typed (but the password) still there, and
 * passes axe in both languages.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class OrganisationFormErrorsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWrongFieldOfTheAddPersonFormIsMarkedAtOnce() {
        try (Browser admin = new Browser("http://localhost:" + port)) {
            admin.login("admin");
            for (String language : List.of("ja", "en")) {
                admin.open("/admin/organisation?lang=" + language);
                admin.type("#person-username", "Mori Sakura");
                admin.type("#person-displayName", "森 さくら");
                new Select(admin.find("#person-role")).selectByValue("STAFF");
                new Select(admin.find("#person-section")).selectByValue("shimin-ka");
                admin.type("#person-password", "short");
                admin.type("#person-mailAddress", "mori@city");
                admin.submit("#person-add");

                assertThat(admin.script("return document.activeElement.className"))
                        .isEqualTo("notice notice--error");
                for (String wrong : List.of("person-username", "person-password", "person-mailAddress")) {
                    assertThat(admin.find("#" + wrong).getDomAttribute("aria-invalid")).as(wrong).isEqualTo("true");
                    assertThat(admin.find("#" + wrong).getDomAttribute("aria-describedby")).as(wrong)
                            .isEqualTo(wrong + "-error");
                    assertThat(admin.text("#" + wrong + "-error")).as(wrong).isNotBlank();
                }
                assertThat(admin.find("#person-displayName").getDomAttribute("aria-invalid")).isNull();
                assertThat(admin.find("#person-username").getDomProperty("value")).isEqualTo("Mori Sakura");
                assertThat(admin.find("#person-displayName").getDomProperty("value")).isEqualTo("森 さくら");
                assertThat(admin.find("#person-mailAddress").getDomProperty("value")).isEqualTo("mori@city");
                assertThat(new Select(admin.find("#person-section")).getFirstSelectedOption().getDomAttribute("value"))
                        .isEqualTo("shimin-ka");
                assertThat(admin.find("#person-password").getDomProperty("value")).isEmpty();
                admin.assertAccessible();

                // The summary leads to each wrong field in the form's order; following a link puts focus in it.
                assertThat(admin.all("#form-errors a")).extracting(link -> link.getDomAttribute("href"))
                        .containsExactly("#person-username", "#person-password", "#person-mailAddress");
                admin.find("#form-errors a[href='#person-password']").click();
                assertThat(admin.script("return document.activeElement.id")).isEqualTo("person-password");
            }
        }
        assertThat(jdbc.sql("select count(*) from person where username like 'Mori%'").query(Long.class).single())
                .isZero();
    }
}
