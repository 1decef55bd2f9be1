package org.bastion.crm.rest.internal.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.bastion.crm.api.rest.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Reads and writes JSON, problem+json and merge-patch+json bodies for the CRM application with the mapper of
 * {@link CrmObjectMapper}.
 *
 * <p>It must not also implement {@code ContextResolver<ObjectMapper>}: CXF matches a writer by the first generic
 * interface it finds on the provider's class, so a {@code ContextResolver<ObjectMapper>} there makes CXF believe this
 * provider writes only ObjectMappers. {@link ObjectMapperResolver} hands the mapper to resources instead.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(CrmRest.JSON_EXTENSION_NAME)
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsMediaType({MediaType.APPLICATION_JSON, CrmRest.PROBLEM_JSON, CrmRest.MERGE_PATCH_JSON})
@Consumes({MediaType.APPLICATION_JSON, CrmRest.PROBLEM_JSON, CrmRest.MERGE_PATCH_JSON})
@Produces({MediaType.APPLICATION_JSON, CrmRest.PROBLEM_JSON, CrmRest.MERGE_PATCH_JSON})
public class JsonProviderExtension extends JacksonJsonProvider {

    public JsonProviderExtension() {
        this(CrmObjectMapper.SHARED);
    }

    JsonProviderExtension(ObjectMapper mapper) {
        super(mapper);
    }

    /**
     * Reads the body only once it is known to be well-formed UTF-8 (RFC 8259 asks JSON to be UTF-8): Jackson's own
     * decoder reads overlong forms such as {@code C0 AF} as {@code /}, which would let a byte sequence that no filter
     * looking for {@code /} recognises turn into one. The body is already bounded by the API's body limit.
     */
    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        StrictUtf8.check(body);
        return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
    }

    /**
     * Serialises into a buffer first, so the response carries a Content-Length and leaves in one write instead of
     * chunks (bodies are small: at most one page of 200 records), and a serialisation failure can still become a
     * problem response because nothing has been sent yet.
     */
    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        super.writeTo(value, type, genericType, annotations, mediaType, httpHeaders, buffer);
        httpHeaders.putSingle(HttpHeaders.CONTENT_LENGTH, buffer.size());
        buffer.writeTo(entityStream);
    }
}
