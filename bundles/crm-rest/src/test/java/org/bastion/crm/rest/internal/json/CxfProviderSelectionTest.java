package org.bastion.crm.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.apache.cxf.jaxrs.provider.ServerProviderFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.bastion.crm.api.rest.CrmRest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs CXF's own provider selection over our extensions, as the whiteboard's CXF does at run time. */
class CxfProviderSelectionTest {

    record Report(String status, List<String> components) {
    }

    private static ServerProviderFactory factoryWithOurProviders() {
        ServerProviderFactory factory = ServerProviderFactory.createInstance(null);
        factory.setUserProviders(List.of(new JsonProviderExtension(), new ObjectMapperResolver()));
        return factory;
    }

    @Test
    void cxfChoosesOurProviderToWriteAnyRecordAsJsonOrProblemJson() {
        ServerProviderFactory factory = factoryWithOurProviders();
        Message message = new MessageImpl();
        for (String type : new String[] {MediaType.APPLICATION_JSON, CrmRest.PROBLEM_JSON}) {
            MessageBodyWriter<Report> writer = factory.createMessageBodyWriter(Report.class, Report.class,
                    new Annotation[0], MediaType.valueOf(type), message);
            assertThat(writer).as(type).isInstanceOf(JsonProviderExtension.class);
        }
    }

    @Test
    void cxfChoosesOurProviderToReadJsonAndMergePatchBodies() {
        ServerProviderFactory factory = factoryWithOurProviders();
        for (String type : new String[] {MediaType.APPLICATION_JSON, CrmRest.MERGE_PATCH_JSON}) {
            MessageBodyReader<Report> reader = factory.createMessageBodyReader(Report.class, Report.class,
                    new Annotation[0], MediaType.valueOf(type), new MessageImpl());
            assertThat(reader).as(type).isInstanceOf(JsonProviderExtension.class);
        }
    }

    @Test
    void cxfFindsTheSharedObjectMapperThroughItsContextResolver() {
        ServerProviderFactory factory = factoryWithOurProviders();
        ContextResolver<ObjectMapper> resolver = factory.createContextResolver(ObjectMapper.class, new MessageImpl(),
                MediaType.APPLICATION_JSON_TYPE);
        assertThat(resolver).isNotNull();
        assertThat(resolver.getContext(Object.class)).isSameAs(CrmObjectMapper.SHARED);
    }
}
