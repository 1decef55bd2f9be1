package org.bastion.crm.backup.internal.rest;

import java.net.URI;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.backup.internal.Maintenance;
import org.bastion.crm.backup.internal.MaintenanceMode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * While the CRM is in maintenance (a restore runs, or one failed), answers every request of the CRM application with
 * 503 problem+json and {@code Retry-After}, before authentication, except: {@code GET /health}, {@code GET /backups}
 * and {@code GET /backups/{id}} (to follow the restore), and {@code POST /backups/{id}/restore} (to restore again after
 * a failure; a second restore while one runs answers 409). Only plain paths pass: an encoded, dotted or otherwise
 * unusual path is refused like any other.
 */
// immediate, as the CRM's other filters: the whiteboard ungets and gets every extension on each rebuild. CXF orders
// pre-matching filters by @Priority (not by service ranking): before the caller filter (the default, USER), so an
// anonymous request gets the 503 too and no session is looked up
@Component(service = ContainerRequestFilter.class, immediate = true)
@JaxrsExtension
@JaxrsName("bastion-crm-backup-maintenance")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class MaintenanceFilter implements ContainerRequestFilter {

    private static final Pattern READABLE = Pattern.compile("health|backups|backups/[A-Za-z0-9-]{1,64}");
    private static final Pattern RESTORE = Pattern.compile("backups/[A-Za-z0-9-]{1,64}/restore");

    private final MaintenanceMode maintenance;

    @Activate
    public MaintenanceFilter(@Reference MaintenanceMode maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Maintenance state = maintenance.state();
        if (state.active() && !passes(request.getMethod(), request.getUriInfo().getRequestUri())) {
            throw new MaintenanceException("The CRM is in maintenance: " + (state.reason() == null
                    ? "a restore is running" : state.reason()) + ". Try again later.");
        }
    }

    /** Whether a request may be served during maintenance. */
    static boolean passes(String method, URI requestUri) {
        String raw = requestUri == null ? null : requestUri.getRawPath();
        String prefix = CrmRest.BASE_PATH + "/";
        if (raw == null || !raw.startsWith(prefix) || requestUri.getRawQuery() != null && !"GET".equals(method)) {
            return false;
        }
        String path = raw.substring(prefix.length());
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return READABLE.matcher(path).matches();
        }
        return "POST".equals(method) && RESTORE.matcher(path).matches();
    }
}
