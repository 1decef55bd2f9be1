package org.bastion.crm.security.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Hashtable;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class PlainHttpRedirectTest {

    private static PlainHttpRedirect redirectTo(String securePort) throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("org.osgi.service.http.port.secure", securePort);
        Configuration configuration = mock(Configuration.class);
        when(configuration.getProperties()).thenReturn(properties);
        ConfigurationAdmin configurationAdmin = mock(ConfigurationAdmin.class);
        when(configurationAdmin.listConfigurations("(service.pid=org.ops4j.pax.web)"))
                .thenReturn(new Configuration[] {configuration});
        return new PlainHttpRedirect(configurationAdmin);
    }

    private static Request request(boolean secure, String host, String path, String query) {
        Request request = mock(Request.class);
        when(request.isSecure()).thenReturn(secure);
        when(request.getServerName()).thenReturn(host);
        when(request.getRequestURI()).thenReturn(path);
        when(request.getQueryString()).thenReturn(query);
        return request;
    }

    @Test
    void aPlainRequestGetsOnlyAPermanentRedirectToTheSamePathOnHttps() throws Exception {
        Request request = request(false, "crm.example.org", "/api/v1/contacts", "q=ada%20l&page=2");
        HttpServletResponse response = mock(HttpServletResponse.class);

        redirectTo("9443").handle("/api/v1/contacts", request, request, response);

        verify(request).setHandled(true);
        verify(response).setStatus(308);
        verify(response).setHeader("Location", "https://crm.example.org:9443/api/v1/contacts?q=ada%20l&page=2");
        verify(response).setContentLength(0);
        verify(response).setHeader("Cache-Control", "no-store");
        verify(response, never()).getOutputStream();
    }

    @Test
    void aRequestOverTlsIsLeftToTheWebContexts() throws Exception {
        Request request = request(true, "localhost", "/api/v1/health", null);
        HttpServletResponse response = mock(HttpServletResponse.class);

        redirectTo("8443").handle("/api/v1/health", request, request, response);

        verify(request, never()).setHandled(true);
        verifyNoInteractions(response);
    }

    @Test
    void locationsBracketIpv6LiteralsAndDefaultToTheRoot() {
        assertThat(PlainHttpRedirect.location("::1", 8443, "", null)).isEqualTo("https://[::1]:8443/");
        assertThat(PlainHttpRedirect.location("127.0.0.1", 8443, "/system/console", null))
                .isEqualTo("https://127.0.0.1:8443/system/console");
    }
}
