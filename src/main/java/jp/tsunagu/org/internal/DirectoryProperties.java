package jp.tsunagu.org.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional sign-in against the city's directory (LDAP or Active Directory). Groups map to a Tsunagu role and its
 * scope: {@code tsunagu.ldap.group-mappings.[tsunagu-shimin-ka-staff]=STAFF@shimin-ka}; a department role names a
 * department, AUDITOR and ADMIN name none. The display name and the e-mail address come from the attributes named
 * here.
 */
@ConfigurationProperties("tsunagu.ldap")
record DirectoryProperties(@DefaultValue("false") boolean enabled, String url,
        @DefaultValue("uid={0},ou=people") String userDnPattern, @DefaultValue("ou=groups") String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter, @DefaultValue("cn") String displayNameAttribute,
        @DefaultValue("mail") String mailAttribute, Map<String, String> groupMappings) {

    Map<String, String> mappings() {
        return groupMappings == null ? Map.of() : groupMappings;
    }
}
