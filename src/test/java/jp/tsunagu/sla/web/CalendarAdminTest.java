package jp.tsunagu.sla.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator loads next year's holiday file; a broken file is refused with its line and changes nothing. */
@AutoConfigureMockMvc
@DirtiesContext
class CalendarAdminTest extends AbstractIntegrationTest {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** The replacement is kept in the database, which outlives this (dirtied) context. */
    @AfterEach
    void forgetTheReplacement() {
        jdbc.sql("delete from holiday_data").update();
    }

    @Test
    void aNewerFileExtendsTheCoverageAndIsAudited() throws Exception {
        mvc.perform(get("/api/admin/calendar").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coversUntil").value("2027-12-31"))
                .andExpect(jsonPath("$.runsOutWithin90Days").value(false));

        String shipped = new String(shippedFile(), SHIFT_JIS);
        String with2028 = shipped.stripTrailing() + "\r\n" + String.join("\r\n",
                "2028/1/1,元日", "2028/1/10,成人の日", "2028/2/11,建国記念の日", "2028/2/23,天皇誕生日",
                "2028/3/20,春分の日", "2028/4/29,昭和の日", "2028/5/3,憲法記念日", "2028/5/4,みどりの日",
                "2028/5/5,こどもの日", "2028/7/17,海の日", "2028/8/11,山の日", "2028/9/18,敬老の日",
                "2028/9/22,秋分の日", "2028/10/9,スポーツの日", "2028/11/3,文化の日", "2028/11/23,勤労感謝の日") + "\r\n";
        mvc.perform(put("/api/admin/calendar/holidays").with(httpBasic("admin", "demo"))
                        .contentType("text/csv").content(with2028.getBytes(SHIFT_JIS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coversUntil").value("2028-12-31"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "select count(*) from audit_event where actor = 'admin' and action = 'ADMINISTRATION_CHANGED' and details like '%holiday data%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() throws Exception {
        byte[] broken = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2028/13/1,ありえない日\r\n".getBytes(SHIFT_JIS);
        mvc.perform(put("/api/admin/calendar/holidays").with(httpBasic("admin", "demo"))
                        .contentType("text/csv").content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2")));
        mvc.perform(put("/api/admin/calendar/holidays").with(httpBasic("sato", "demo"))
                        .contentType("text/csv").content(broken))
                .andExpect(status().isForbidden());
    }

    @Test
    void aClosureDayAddedByTheAdministratorMovesDueTimes() throws Exception {
        // Monday 2027-03-01 10:00 + PT2H is due at noon; closed that day, the clock starts at Tuesday's opening (08:30).
        String due = "/api/calendar/due?from=2027-03-01T10:00:00+09:00&duration=PT2H&calendar=business";
        mvc.perform(get(due).with(httpBasic("sato", "demo"))).andExpect(jsonPath("$.due").value("2027-03-01T12:00:00+09:00"));
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType("application/json").content("{\"date\": \"2027-03-01\", \"reason\": \"庁舎設備点検\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get(due).with(httpBasic("sato", "demo"))).andExpect(jsonPath("$.due").value("2027-03-02T10:30:00+09:00"));
        mvc.perform(get("/api/admin/calendar/closures").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.items[0].reason").value("庁舎設備点検"));
        mvc.perform(delete("/api/admin/calendar/closures/2027-03-01").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.movingDueTimes.issues").isNumber());
        mvc.perform(get(due).with(httpBasic("sato", "demo"))).andExpect(jsonPath("$.due").value("2027-03-01T12:00:00+09:00"));
    }

    @Test
    void aClosureAddedAgainChangesItsReasonAndRemovingANonClosureIsA404() throws Exception {
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType("application/json").content("{\"date\": \"2027-06-07\", \"reason\": \"選挙事務\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType("application/json").content("{\"date\": \"2027-06-07\", \"reason\": \"庁舎移転\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("庁舎移転"));
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType("application/json").content("{\"date\": \"2027-06-07\", \"reason\": \"庁舎移転\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/admin/calendar/closures").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.items[?(@.date == '2027-06-07')].reason").value("庁舎移転"));
        mvc.perform(delete("/api/admin/calendar/closures/2027-06-07").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/admin/calendar/closures/2027-06-07").with(httpBasic("admin", "demo")))
                .andExpect(status().isNotFound());

        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select details from audit_event where action = 'ADMINISTRATION_CHANGED' and details like '%closure%'
                        and seq > ? order by seq""").param(lastSeq).query(String.class).list())
                .satisfiesExactly(
                        added -> org.assertj.core.api.Assertions.assertThat(added).contains("closure added", "選挙事務"),
                        changed -> org.assertj.core.api.Assertions.assertThat(changed)
                                .contains("closure reason changed", "\"before.reason\":\"選挙事務\"", "庁舎移転"),
                        removed -> org.assertj.core.api.Assertions.assertThat(removed).contains("closure removed"));
    }

    private static byte[] shippedFile() throws Exception {
        try (InputStream in = CalendarAdminTest.class.getResourceAsStream("/holidays/syukujitsu.csv")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
