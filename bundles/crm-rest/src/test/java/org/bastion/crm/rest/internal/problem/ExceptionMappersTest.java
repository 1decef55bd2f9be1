package org.bastion.crm.rest.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;

import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.NotFoundException;
import org.junit.jupiter.api.Test;

class ExceptionMappersTest {

    @Test
    void mappersNameTheRequestPathAsInstance() {
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getRequestUri()).thenReturn(URI.create("http://h/api/v1/contacts/42?x=1"));
        CrmExceptionMapper mapper = new CrmExceptionMapper();
        mapper.uriInfo = uriInfo;
        assertThat((String) mapper.toResponse(new NotFoundException("contact", "42")).getEntity())
                .contains("\"instance\":\"/api/v1/contacts/42\"");
    }

    @Test
    void mapperOutsideARequestLeavesInstanceOut() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        assertThat((String) mapper.toResponse(new RuntimeException("x")).getEntity()).doesNotContain("instance");
    }
}
