package org.bastion.crm.monitor.internal.delivery;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Checks {@value #PERMISSION} for the alert stream after matching and before the resource method's parameters are
 * made: the server-sent-events sink starts the request's asynchronous mode when it is made, so a refusal thrown
 * from the method itself would come too late for a plain 403 problem.
 */
@Component(service = ContainerRequestFilter.class, immediate = true)
@JaxrsExtension
@JaxrsName(StreamAccessFilter.NAME)
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class StreamAccessFilter implements ContainerRequestFilter {

    /** The extension's name, which the stream resource waits for. */
    public static final String NAME = "bastion-crm-alert-stream-access";

    /** The permission the stream needs (defined by the monitor's permission set). */
    public static final String PERMISSION = "alerts:read";

    /** Optional: without it the caller is anonymous and refused (fail closed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CallerContext callers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Permissions permissions;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resourceInfo != null && resourceInfo.getResourceMethod() != null
                && resourceInfo.getResourceMethod().getDeclaringClass() == AlertStreamResource.class) {
            CallerContext context = callers;
            Caller caller = context == null ? Caller.ANONYMOUS : context.current();
            AdminOnlyPermissions.orFailClosed(permissions).check(caller, PERMISSION);
        }
    }
}
