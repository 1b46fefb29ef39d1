package jp.tsunagu.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** People of the demo organisation (db/demo), as the tests act on their behalf. */
public final class DemoPeople {

    public static final Person SATO = new Person("sato", "佐藤 花子", Role.STAFF, "shimin-ka", "shimin-seikatsu");
    public static final Person SUZUKI =
            new Person("suzuki", "鈴木 一郎", Role.SECTION_CHIEF, "shimin-ka", "shimin-seikatsu");
    public static final Person TANAKA = new Person("tanaka", "田中 博", Role.DEPARTMENT_HEAD, null, "shimin-seikatsu");
    public static final Person ITO = new Person("ito", "伊藤 陽子", Role.CITY_COORDINATOR, "seisaku-keiei", "seisaku");
    public static final Person ADMIN = new Person("admin", "管理者", Role.ADMIN, null, null);

    private DemoPeople() {
    }

    /** A page request signed in as the demo's administrator, {@code admin}. */
    public static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
