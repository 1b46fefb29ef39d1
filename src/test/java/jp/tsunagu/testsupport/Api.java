package jp.tsunagu.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Calls the JSON API as one of the demo people (password {@code demo}), through the real security filters. */
public final class Api {

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public As as(String username) {
        return new As(username);
    }

    public final class As {

        private final String username;

        private As(String username) {
            this.username = username;
        }

        public ResultActions get(String path) throws Exception {
            return mvc.perform(MockMvcRequestBuilders.get(path)
                    .with(httpBasic(username, "demo")));
        }

        public ResultActions post(String path, String json) throws Exception {
            return mvc.perform(MockMvcRequestBuilders.post(path)
                    .with(httpBasic(username, "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        public ResultActions patch(String path, String json) throws Exception {
            return mvc.perform(MockMvcRequestBuilders.patch(path)
                    .with(httpBasic(username, "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        public ResultActions delete(String path) throws Exception {
            return mvc.perform(MockMvcRequestBuilders.delete(path)
                    .with(httpBasic(username, "demo")));
        }

        /** Raises an issue and returns its id. */
        public String raise(String json) throws Exception {
            String body = post("/api/issues", json).andReturn().getResponse().getContentAsString();
            return JsonPath.read(body, "$.id");
        }
    }
}
