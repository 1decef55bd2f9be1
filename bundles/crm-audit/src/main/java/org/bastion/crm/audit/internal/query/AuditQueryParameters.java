package org.bastion.crm.audit.internal.query;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.support.rest.ListQueries;

/** The query parameters of a trail list resource: only the names it knows, paging as every list of the API. */
public final class AuditQueryParameters {

    private AuditQueryParameters() {
    }

    /** The filter of the request's parameters, which may be {@code allowed} filters and paging. */
    static AuditFilter filter(UriInfo uriInfo, Set<String> allowed) {
        Set<String> names = new HashSet<>(allowed);
        names.addAll(AuditFilters.PAGING);
        return AuditFilters.parse(uriInfo.getQueryParameters(), names);
    }

    /** The page the request asks for; a second {@code page} or {@code size} is refused like a malformed one. */
    public static PageRequest page(UriInfo uriInfo) {
        Map<String, List<String>> parameters = uriInfo.getQueryParameters();
        for (String name : AuditFilters.PAGING) {
            List<String> values = parameters.get(name);
            if (values != null && values.size() > 1) {
                throw new ValidationException(List.of(new FieldError(name, "give it once")));
            }
        }
        return ListQueries.page(single(parameters, "page"), single(parameters, "size"), null);
    }

    /** Checks that only paging parameters were given. */
    public static void onlyPaging(UriInfo uriInfo) {
        AuditFilters.parse(uriInfo.getQueryParameters(), AuditFilters.PAGING);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
