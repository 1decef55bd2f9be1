package org.bastion.crm.itests.checks.sweep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** What the sweep counts as revealing the server's insides, and what it lets pass. A plain unit test. */
public class LeaksTest {

    @Test
    public void javaNamesStackFramesAndServerNamesAreFound() {
        for (String leak : List.of("<title>Error 500 javax.servlet.ServletException: x</title>",
                "org.apache.cxf.interceptor.Fault", "caused by java.io.IOException", "\tat org.eclipse.jetty.Server(",
                "com.fasterxml.jackson.core.JsonParseException", "NullPointerException",
                "<h2>HTTP ERROR 404 Not Found</h2>", "Powered by Jetty:// 9.4", "No such CXF service",
                "Caused by: x")) {
            assertTrue(leak, Leaks.in(leak).isPresent());
        }
        assertTrue(Leaks.inHeaders(Map.of("server", List.of("Jetty(9.4.58)"))).isPresent());
    }

    @Test
    public void problemsHostsAndAddressesPass() {
        for (String fine : List.of(
                "{\"type\":\"https://bastion-crm.org/problems/validation\",\"title\":\"Invalid input\",\"status\":400}",
                "{\"email\":\"ada@example.com\",\"domain\":\"example.org\"}",
                "{\"detail\":\"The request body is not valid JSON (line 1, column 3).\"}")) {
            assertEquals(fine, Optional.empty(), Leaks.in(fine));
        }
        assertEquals(Optional.empty(), Leaks.inHeaders(Map.of("content-type", List.of("application/problem+json"),
                "strict-transport-security", List.of("max-age=31536000; includeSubDomains"))));
    }
}
