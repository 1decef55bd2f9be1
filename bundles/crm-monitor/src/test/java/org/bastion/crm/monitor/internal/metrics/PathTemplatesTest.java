package org.bastion.crm.monitor.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    @Path("/contacts/")
    static class Resource {
        @GET
        public void list() {
        }

        @GET
        @Path("{id : [0-9a-f-]+}/history")
        public void history() {
        }
    }

    @Test
    void aTemplateIsTheClassAndMethodPathsWithoutParameterPatterns() throws Exception {
        assertThat(PathTemplates.of(Resource.class.getMethod("list"))).isEqualTo("/contacts");
        assertThat(PathTemplates.of(Resource.class.getMethod("history"))).isEqualTo("/contacts/{id}/history");
    }

    @Test
    void noMatchedMethodIsUnmatched() {
        assertThat(PathTemplates.of(null)).isEqualTo("unmatched");
    }
}
