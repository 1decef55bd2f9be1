package org.bastion.crm.rest.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /api/v1/docs}: Swagger UI over {@code ./openapi.json}; the page and its script are ours, the UI's
 * files come from the swagger-ui webjar embedded in this bundle, and nothing else can be fetched.
 */
@Component(service = DocsResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-docs")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("docs")
@Hidden
public class DocsResource {

    /** Where this bundle keeps its own docs files. */
    static final String OWN_FILES = "swagger-ui/";

    /** The files that may be fetched, with their media types. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "initializer.js", "text/javascript; charset=UTF-8",
            "swagger-ui.css", "text/css; charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=UTF-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    private final String webjarFolder;

    /** The files read so far: each is read from the bundle once (swagger-ui-bundle.js alone is over 1 MB). */
    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    public DocsResource() {
        webjarFolder = "META-INF/resources/webjars/swagger-ui/" + read(OWN_FILES + "webjar-version.txt").trim() + "/";
    }

    /** The page; {@code /docs/} is sent to {@code /docs} so the page's relative links resolve. */
    @GET
    @PublicEndpoint(trailingSlash = true)
    public Response page(@Context UriInfo uriInfo) {
        if (uriInfo.getPath().endsWith("/")) {
            URI canonical = uriInfo.getBaseUriBuilder().path("docs").build();
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(canonical).build();
        }
        return file("index.html");
    }

    /** One of the page's files; anything not listed in {@link #FILES} is 404. */
    @GET
    @PublicEndpoint
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        boolean own = name.equals("index.html") || name.equals("initializer.js");
        byte[] content = contents.computeIfAbsent(name, file -> bytes((own ? OWN_FILES : webjarFolder) + file));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(own ? 0 : 86400);
        return Response.ok(content, type).cacheControl(cache).header("X-Content-Type-Options", "nosniff").build();
    }

    private static String read(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
