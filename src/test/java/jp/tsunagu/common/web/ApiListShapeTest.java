package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The design's "Lists are {@code {items, total}}", for every list the API has and every one added later: the
 * operations are found in the application's own mappings, not in a list kept by hand, so a new bare array fails here.
 */
@AutoConfigureMockMvc
class ApiListShapeTest extends AbstractIntegrationTest {

    /** The lists there are today: the walk must find each of them, so that it cannot pass by walking nothing. */
    private static final List<String> KNOWN_LISTS = List.of("/api/issues", "/api/issues/{id}/comments",
            "/api/issues/{id}/history", "/api/tasks", "/api/notifications", "/api/audit/events",
            "/api/audit/issues/{id}/timeline", "/api/admin/api-tokens", "/api/admin/calendar/closures",
            "/api/admin/webhooks", "/api/admin/webhooks/failures");

    /** What a GET needs before it answers 200 at all; a new operation that needs more is to be added here. */
    private static final Map<String, String> REQUIRED_QUERY = Map.of("/api/calendar/due", "?duration=PT2H");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noApiOperationIsDeclaredToAnswerABareCollection() {
        List<String> bare = apiOperations().filter(operation -> isCollection(operation.answer()))
                .map(Operation::toString).toList();
        assertThat(bare).as("answer ItemList (common.web) instead of a collection").isEmpty();
        assertThat(apiOperations().filter(operation -> operation.answer().toClass() == ItemList.class)
                .map(Operation::pattern)).as("the lists answered as ItemList").contains("/api/tasks",
                        "/api/issues/{id}/history", "/api/audit/issues/{id}/timeline", "/api/admin/api-tokens");
    }

    @Test
    void everyListTheApiAnswersIsItemsAndTotal() throws Exception {
        String issueId = issueWithAComment();
        String closure = "2099-03-02";
        mvc.perform(post("/api/admin/calendar/closures").with(as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"" + closure + "\", \"reason\": \"点検\"}"))
                .andExpect(status().isCreated());
        try (OneOfEachCreated created = new OneOfEachCreated(mvc)) {
            List<String> lists = new ArrayList<>();
            for (String pattern : apiOperations().filter(Operation::answersGet)
                    .map(Operation::pattern).collect(Collectors.toCollection(TreeSet::new))) {
                if (readsAsList(path(pattern, issueId, created.all()), pattern)) {
                    lists.add(pattern);
                }
            }
            assertThat(lists).containsAll(KNOWN_LISTS);
        } finally {
            mvc.perform(delete("/api/admin/calendar/closures/" + closure).with(as("admin")).with(csrf()))
                    .andExpect(status().isOk());
        }
    }

    /** Whether the GET answers a list; fails when its JSON is a bare array or a list without a whole total. */
    private boolean readsAsList(String path, String pattern) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path + REQUIRED_QUERY.getOrDefault(pattern, ""))
                .with(as(reader(pattern)))).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s as %s", pattern, reader(pattern)).isEqualTo(200);
        if (response.getContentType() == null
                || !MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false; // the CSV export
        }
        JsonNode answer = json.readTree(response.getContentAsString());
        assertThat(answer.isObject()).as("GET %s answers %s, not an object", pattern, answer.getNodeType()).isTrue();
        if (!answer.has("items")) {
            return false;
        }
        assertThat(answer.get("items").isArray()).as("GET %s: items is an array", pattern).isTrue();
        assertThat(answer.path("total").isIntegralNumber()).as("GET %s: total is a whole number", pattern).isTrue();
        assertThat(answer.get("total").asLong()).as("GET %s: total counts at least the items", pattern)
                .isGreaterThanOrEqualTo(answer.get("items").size());
        return true;
    }

    /** A person who may read the path: its module's role, and for an issue sato, who raised it. */
    private static String reader(String pattern) {
        if (pattern.startsWith("/api/admin/")) {
            return "admin";
        }
        return pattern.startsWith("/api/audit/") ? "watanabe" : "sato";
    }

    /** The address of one thing the API created where the pattern names one (a comment, a token), else the issue's. */
    private static String path(String pattern, String issueId, List<OneOfEachCreated.Created> created) {
        PathPattern single = PathPatternParser.defaultInstance.parse(pattern);
        Optional<String> location = created.stream().map(OneOfEachCreated.Created::location)
                .filter(address -> single.matches(PathContainer.parsePath(address))).findFirst();
        if (location.isPresent()) {
            return location.get();
        }
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        while (variable.find()) {
            assertThat(variable.group(1)).as("a value to walk %s with", pattern).isEqualTo("id");
        }
        return pattern.replace("{id}", issueId);
    }

    private String issueWithAComment() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/issues").with(as("sato")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title": "一覧の形の確認", "description": "", "category": "OTHER", "severity": "MEDIUM",
                         "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/issues/" + id + "/acknowledge").with(as("sato"))).andExpect(status().isNoContent());
        mvc.perform(post("/api/issues/" + id + "/comments").with(as("sato")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"確認しました\"}")).andExpect(status().isCreated());
        return id;
    }

    private static RequestPostProcessor as(String username) {
        String role = switch (username) {
            case "admin" -> "ADMIN";
            case "watanabe" -> "AUDITOR";
            default -> "STAFF";
        };
        return user(username).roles(role);
    }

    private Stream<Operation> apiOperations() {
        return mappings.getHandlerMethods().entrySet().stream()
                .flatMap(entry -> patterns(entry.getKey()).stream().filter(pattern -> pattern.startsWith("/api/"))
                        .map(pattern -> new Operation(pattern, entry.getKey().getMethodsCondition().getMethods(),
                                entry.getValue())));
    }

    private static Collection<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? info.getPatternValues()
                : info.getPathPatternsCondition().getPatternValues();
    }

    private static boolean isCollection(ResolvableType type) {
        Class<?> answer = type.toClass();
        return type.isArray() || Iterable.class.isAssignableFrom(answer) || Stream.class.isAssignableFrom(answer);
    }

    private record Operation(String pattern, Set<RequestMethod> methods, HandlerMethod handler) {

        /** A mapping that names no method takes them all. */
        boolean answersGet() {
            return methods.isEmpty() || methods.contains(RequestMethod.GET);
        }

        /** The body's type, inside a ResponseEntity where there is one. */
        ResolvableType answer() {
            Method method = handler.getMethod();
            ResolvableType type = ResolvableType.forMethodReturnType(method);
            return HttpEntity.class.isAssignableFrom(type.toClass()) ? type.getGeneric(0) : type;
        }

        @Override
        public String toString() {
            return methods + " " + pattern + " → " + answer();
        }
    }
}
