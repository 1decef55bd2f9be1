package org.bastion.crm.rest.internal.json;

import javax.ws.rs.ext.ContextResolver;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hands the application's {@link ObjectMapper} to resources that ask {@code Providers} for a
 * {@code ContextResolver<ObjectMapper>} (the merge-patch code reads patched drafts exactly like request bodies).
 */
@Component(service = ContextResolver.class)
@JaxrsExtension
@JaxrsName("bastion-crm-object-mapper")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return CrmObjectMapper.SHARED;
    }
}
