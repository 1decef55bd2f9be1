package org.bastion.crm.rest.internal.caller;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The caller seam of the REST layer: before matching, decides who is calling and binds that {@link Caller} to the
 * request thread for {@link ThreadCallerContext}; after the response, unbinds it.
 *
 * <p><b>Authentication slot.</b> Until the security bundle arrives every request is {@link Caller#ANONYMOUS}
 * ({@link #identify}). Authentication will replace this filter (or its {@code identify} step) with one that checks
 * credentials and answers 401 through {@code ContainerRequestContext.abortWith} when they are wrong.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("bastion-crm-caller")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        RequestCaller.set(identify(request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestCaller.clear();
    }

    /** Who sent {@code request}; today always the anonymous caller (no authentication yet). */
    Caller identify(ContainerRequestContext request) {
        return Caller.ANONYMOUS;
    }
}
