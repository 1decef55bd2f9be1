package org.bastion.crm.api.rest;

/**
 * Constants a bundle uses to add a resource to the CRM's REST application on the JAX-RS whiteboard:
 * annotate the DS component with {@code @JaxrsResource}, {@code @JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)}
 * and {@code @JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)}.
 */
public final class CrmRest {

    /** The {@code osgi.jaxrs.name} of the application. */
    public static final String APPLICATION_NAME = "bastion-crm";

    /** Filter selecting the application, for {@code osgi.jaxrs.application.select}. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** The path every resource of the application lives under. */
    public static final String BASE_PATH = "/api/v1";

    /** The {@code osgi.jaxrs.name} of the JSON provider the application registers. */
    public static final String JSON_EXTENSION_NAME = "bastion-crm-json";

    /** Filter a resource uses to wait for the JSON provider, for {@code osgi.jaxrs.extension.select}. */
    public static final String JSON_EXTENSION_SELECT = "(osgi.jaxrs.name=" + JSON_EXTENSION_NAME + ")";

    /** The media type of every error body (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The media type of a JSON Merge Patch body (RFC 7396). */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /** The base of every problem {@code type} URI; the problem's code follows it. */
    public static final String PROBLEM_TYPE_BASE = "https://bastion-crm.org/problems/";

    /** The largest request body the application accepts, in bytes (1 MiB). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private CrmRest() {
    }
}
