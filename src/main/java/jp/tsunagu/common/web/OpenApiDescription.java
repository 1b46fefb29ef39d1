package jp.tsunagu.common.web;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * What springdoc cannot see in the code: how to sign in (HTTP Basic or an API token), the problem+json body of every
 * error, which statuses each operation answers and the Location of every 201, so that a client generated from
 * {@code /v3/api-docs} works.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI tsunaguOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tsunagu API").version("1")
                        .description("Issue escalation for a city hall. Every list is {items, total}; errors are "
                                + "application/problem+json; see docs/integrations.md."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A person's username and password"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("tsu_…")
                                .description("A service account's API token, issued by an administrator"))
                        .addSchemas(PROBLEM, problemSchema()))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
    }

    /** The statuses the operation's shape implies, and those its {@link ApiProblems} name. */
    @Bean
    OperationCustomizer declaredProblems() {
        return (operation, handler) -> {
            ApiProblems declared = handler.getMethodAnnotation(ApiProblems.class);
            if (declared != null) {
                IntStream.of(declared.value()).forEach(status -> addProblem(operation, status));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer impliedProblems() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            addProblem(op, 401);
            if (op.getRequestBody() != null || op.getParameters() != null
                    && op.getParameters().stream().anyMatch(OpenApiDescription::mayBeInvalid)) {
                addProblem(op, 400);
            }
            if (path.contains("{")) {
                addProblem(op, 404);
            }
            // A change may be refused to anyone: a browser that sends it from another site (CrossSiteApiRequestFilter).
            if (path.startsWith("/api/admin/") || path.startsWith("/api/audit/") || method != PathItem.HttpMethod.GET) {
                addProblem(op, 403);
            }
            if (op.getRequestBody() != null) {
                addProblem(op, 413);
                addProblem(op, 415);
            }
            // Refused before the operation runs when the Accept header leaves out JSON (NotAcceptableUpFront).
            if (answersWithBody(op)) {
                addProblem(op, 406);
            }
            locationOfWhatIsCreated(op.getResponses());
            jsonInsteadOfAnything(op.getResponses());
        }));
    }

    private static boolean answersWithBody(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null
                        && !response.getValue().getContent().isEmpty());
    }

    /** Every 201 of the API names what it created (CreatedResourceLocationTest holds the operations to it). */
    private static void locationOfWhatIsCreated(ApiResponses responses) {
        ApiResponse created = responses == null ? null : responses.get("201");
        if (created != null) {
            created.addHeaderObject(HttpHeaders.LOCATION, new Header().description("The address of what was created")
                    .schema(new Schema<>().type("string").format("uri-reference")));
        }
    }

    /** Any query or header parameter; an id in the path is any text, but a number or a date may be malformed. */
    private static boolean mayBeInvalid(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        // The type may still be unset here (springdoc fills it in when writing), but a number or a date has a format.
        return !"path".equals(parameter.getIn()) || schema != null && (schema.getFormat() != null
                || schema.getType() != null && !"string".equals(schema.getType()));
    }

    private static void addProblem(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().computeIfAbsent(String.valueOf(status), code -> new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase())
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** Springdoc says {@code *}/{@code *} where a method names no type; every answer of the API is JSON. */
    private static void jsonInsteadOfAnything(ApiResponses responses) {
        responses.values().stream().map(ApiResponse::getContent).filter(content -> content != null)
                .forEach(content -> {
                    MediaType any = content.remove(org.springframework.http.MediaType.ALL_VALUE);
                    if (any != null) {
                        content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
                    }
                });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new Schema<>().type("string").example("about:blank"));
        properties.put("title", new Schema<>().type("string"));
        properties.put("status", new Schema<>().type("integer").format("int32"));
        properties.put("detail", new Schema<>().type("string"));
        properties.put("instance", new Schema<>().type("string"));
        properties.put("errors", new Schema<>().type("array").description("400 and 422: what is wrong, field by field")
                .items(new Schema<>().$ref("#/components/schemas/FieldProblem")));
        // Not an enum: a new state would break clients generated with a closed list.
        properties.put("code", new Schema<>().type("string").description("409: which state stands in the way, "
                + "such as resolved, paused, alreadyPaused, notPaused, cityIsTop, noOpenRequest, "
                + "notAwaitingAcknowledgement, notInWork, revoked (an API token)"));
        return new Schema<>().type("object").properties(properties).description("RFC 9457 problem details");
    }
}
