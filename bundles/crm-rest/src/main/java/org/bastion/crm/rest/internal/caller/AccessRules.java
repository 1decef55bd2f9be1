package org.bastion.crm.rest.internal.caller;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests the API answers without a session, and which a session restricted to TOTP enrolment may make.
 *
 * <p>Both decide on the method and the <em>raw</em> path relative to the application
 * ({@link CallerFilter#relativePath}: {@code auth/login}, never decoded, without the one slash after the base): a request is public only when they equal one of the listed forms exactly, so percent-encoding, matrix
 * parameters ({@code ;x}), dot segments, doubled or trailing slashes and other spellings are never public. Such a
 * spelling may still reach a public resource, but then with a session, never instead of one (fail closed).
 */
public final class AccessRules {

    /** The public operations, by OpenAPI path (relative to the application base) and the methods allowed on it. */
    public static final Map<String, Set<String>> PUBLIC_OPERATIONS = Map.of(
            "/health", Set.of("GET", "HEAD"),
            "/openapi.json", Set.of("GET", "HEAD"),
            "/docs", Set.of("GET", "HEAD"),
            "/auth/login", Set.of("POST"),
            "/auth/mfa", Set.of("POST"));

    /** The operations a session with {@code totpEnrolmentOnly} may make, as "METHOD path". */
    static final Set<String> ENROLMENT_OPERATIONS = Set.of(
            "GET auth/me", "POST auth/totp/enroll", "POST auth/totp/confirm", "POST auth/logout");

    /**
     * One file of the docs page: a single segment of letters, digits, '-' and '_', with dot-separated parts (no empty
     * part, so never "." or ".."); the docs resource answers 404 for any name it does not serve.
     */
    private static final Pattern DOCS_FILE = Pattern.compile("docs/[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    private static final Set<String> DOCS_FILE_METHODS = Set.of("GET", "HEAD");

    private AccessRules() {
    }

    /** Whether {@code method} on the raw relative {@code path} needs no session. */
    public static boolean isPublic(String method, String path) {
        if (method == null || path == null) {
            return false;
        }
        Set<String> methods = PUBLIC_OPERATIONS.get("/" + path);
        if (methods != null) {
            return methods.contains(method);
        }
        if (path.equals("docs/")) {
            // the docs page redirects this spelling to "docs", so the page's relative links resolve
            return DOCS_FILE_METHODS.contains(method);
        }
        return DOCS_FILE_METHODS.contains(method) && DOCS_FILE.matcher(path).matches();
    }

    /** Whether a session restricted to TOTP enrolment may make {@code method} on the raw relative {@code path}. */
    public static boolean allowsDuringEnrolment(String method, String path) {
        return method != null && path != null && ENROLMENT_OPERATIONS.contains(method + " " + path);
    }
}
