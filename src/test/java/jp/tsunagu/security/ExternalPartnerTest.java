package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A designated manager (指定管理者) raises issues for its section and sees only the issues it raised. */
@AutoConfigureMockMvc
class ExternalPartnerTest extends AbstractIntegrationTest {

    static final String PARTNER = "bunka-hall-partner";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aPartnerOfTheCultureSection() {
        if (jdbc.sql("select count(*) from person where username = ?").param(PARTNER).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into person (username, display_name, password_hash, role, section_code, department_code)
                    select ?, '市民会館 指定管理者', password_hash, 'EXTERNAL_PARTNER', 'bunka-jinken', 'shimin-seikatsu'
                    from person where username = 'sato'""").param(PARTNER).update();
        }
    }

    @Test
    void aPartnerSeesOnlyWhatItRaised() throws Exception {
        Api api = new Api(mvc);
        String raise = """
                {"title": "%s", "description": "ホールの空調が停止", "category": "FACILITY", "severity": "MEDIUM",
                 "sectionCode": "%s", "relatedSections": [], "personalInfo": false}""";
        String own = api.as(PARTNER).raise(raise.formatted("空調停止", "bunka-jinken"));
        api.as(PARTNER).post("/api/issues", raise.formatted("他課", "shimin-ka")).andExpect(status().isForbidden());

        // Another issue of the same section, raised by staff, stays invisible to the partner.
        jdbc.sql("""
                insert into person (username, display_name, password_hash, role, section_code, department_code)
                select 'bunka-staff', '文化 職員', password_hash, 'STAFF', 'bunka-jinken', 'shimin-seikatsu'
                from person where username = 'sato' and not exists (select 1 from person where username = 'bunka-staff')""")
                .update();
        String staffs = api.as("bunka-staff").raise(raise.formatted("職員の課題", "bunka-jinken"));

        api.as(PARTNER).get("/api/issues/" + own).andExpect(status().isOk());
        api.as(PARTNER).get("/api/issues/" + staffs).andExpect(status().isNotFound());
        String list = api.as(PARTNER).get("/api/issues?size=100").andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(list, "$.items[*].id");
        assertThat(ids).contains(own).doesNotContain(staffs);
        api.as(PARTNER).get("/api/tasks").andExpect(jsonPath("$.total").value(0));
        api.as(PARTNER).post("/api/issues/" + own + "/acknowledge", "{}").andExpect(status().isForbidden());
        api.as("bunka-staff").get("/api/issues/" + own).andExpect(status().isOk());
    }
}
