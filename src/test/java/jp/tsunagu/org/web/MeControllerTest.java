package jp.tsunagu.org.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MeController.class)
class MeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @Test
    @WithMockUser("sato")
    void describesTheCaller() throws Exception {
        given(currentUser.require()).willReturn(new Person("sato", "佐藤 花子", Role.STAFF, "shimin-ka", "shimin-seikatsu"));
        given(organisation.findSection("shimin-ka")).willReturn(Optional.of(new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section")));
        given(organisation.findDepartment("shimin-seikatsu")).willReturn(Optional.of(new Department("shimin-seikatsu", "市民生活部", "Citizen Life Department", "shimin-ka")));

        mvc.perform(get("/api/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("sato"))
                .andExpect(jsonPath("$.displayName").value("佐藤 花子"))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"))
                .andExpect(jsonPath("$.section").value("shimin-ka"))
                .andExpect(jsonPath("$.departmentName").value("市民生活部"));
    }

    @Test
    void nobodyIsUnauthorised() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }
}
