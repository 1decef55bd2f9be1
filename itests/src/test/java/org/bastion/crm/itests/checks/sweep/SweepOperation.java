package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of the OpenAPI document as the sweep sees it: method, path template relative to {@code /api/v1}, the
 * names of its path, query and header parameters, and its request body (media type and schema with every
 * {@code $ref} resolved), if it declares one.
 *
 * @param method the HTTP method in upper case
 * @param pathTemplate the path relative to {@code /api/v1}, such as {@code /contacts/{id}}
 * @param pathParameters the names of the path parameters, in the order of the template
 * @param queryParameters the names of the declared query parameters
 * @param headerParameters the names of the declared header parameters
 * @param bodyMediaType the media type of the declared request body, or null when it declares none
 * @param bodySchema the resolved schema of the request body, or null when it declares none or no schema
 * @param isPublic whether the operation needs no token (an empty security requirement)
 */
public record SweepOperation(String method, String pathTemplate, List<String> pathParameters,
        List<String> queryParameters, List<String> headerParameters, String bodyMediaType, JsonNode bodySchema,
        boolean isPublic) {

    public SweepOperation {
        pathParameters = List.copyOf(pathParameters);
        queryParameters = List.copyOf(queryParameters);
        headerParameters = List.copyOf(headerParameters);
    }

    /** Whether the operation declares a request body. */
    public boolean takesBody() {
        return bodyMediaType != null;
    }

    /** {@code METHOD /path/{param}}, for reports. */
    public String name() {
        return method + " " + pathTemplate;
    }

    @Override
    public String toString() {
        return name();
    }
}
