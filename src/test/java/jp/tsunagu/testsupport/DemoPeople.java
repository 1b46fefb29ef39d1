package jp.tsunagu.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * A member of staff of a test's own, enabled, with the demo password and no failed sign-ins on record, so that the
     * test can lock or disable them without touching the demo people.
     */
    public static void probe(JdbcClient jdbc, String username) {
        jdbc.sql("delete from login_failure where username = ?").param(username).update();
        jdbc.sql("delete from person where username = ?").param(username).update();
        jdbc.sql("""
                insert into person (username, display_name, password_hash, role, section_code, department_code)
                select ?, '確認 用', password_hash, 'STAFF', 'keizai', 'shimin-seikatsu' from person where username = 'sato'""")
                .param(username).update();
    }

    /** A page request signed in as the demo's administrator, {@code admin}. */
    public static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
