package org.advocategraph.service.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Handler;

/**
 * {@code GET /openapi.json}, the OpenAPI document of the route table, and {@code GET /docs}, an interactive page
 * over it: Swagger UI, served by this service from the {@code org.webjars:swagger-ui} jar on the class path
 * (under {@code /webjars}), so that it works without internet access.
 */
final class ApiDocs {
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final Supplier<List<ApiRoute>> routes;
    private final OpenApi openApi;
    private final String page;
    private volatile ObjectNode document;

    /**
     * @param routes  the route table; read on the first request, when it is complete
     * @param openApi builds the document
     * @throws IllegalStateException when the Swagger UI webjar is not on the class path
     */
    ApiDocs(Supplier<List<ApiRoute>> routes, OpenApi openApi) {
        this.routes = routes;
        this.openApi = openApi;
        this.page = resource("docs.html").replace("@SWAGGER_UI@", "/webjars/swagger-ui/" + swaggerUiVersion());
    }

    /** @return the handler of {@code GET /openapi.json} */
    Handler document() {
        return ctx -> {
            ObjectNode doc = document;
            if (doc == null) {
                doc = openApi.document(routes.get());
                document = doc;
            }
            ctx.json(doc);
        };
    }

    /** @return the handler of {@code GET /docs} */
    Handler page() {
        return ctx -> ctx.html(page);
    }

    private static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the class path; /docs needs it");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
