package jp.tsunagu.org.web;

import java.util.List;

import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final CurrentUser currentUser;
    private final Organisation organisation;

    MeController(CurrentUser currentUser, Organisation organisation) {
        this.currentUser = currentUser;
        this.organisation = organisation;
    }

    @GetMapping("/api/me")
    MeResponse me() {
        Person me = currentUser.require();
        return new MeResponse(me.username(), me.displayName(), List.of(me.role().name()), me.sectionCode(),
                me.sectionCode() == null ? null : organisation.findSection(me.sectionCode()).map(s -> s.nameJa()).orElse(null),
                me.departmentCode(),
                me.departmentCode() == null ? null : organisation.findDepartment(me.departmentCode()).map(d -> d.nameJa()).orElse(null));
    }

    record MeResponse(String username, String displayName, List<String> roles, String section, String sectionName,
            String department, String departmentName) {
    }
}
