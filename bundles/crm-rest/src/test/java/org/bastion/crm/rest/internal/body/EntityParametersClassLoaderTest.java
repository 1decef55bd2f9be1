package org.bastion.crm.rest.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;
import javax.ws.rs.GET;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the no-body rule remembers about a vendor's resource methods does not keep the vendor's class loader alive. */
class EntityParametersClassLoaderTest {

    private static final String SOURCE = """
            package vendor.deals;

            import javax.ws.rs.GET;
            import javax.ws.rs.POST;
            import javax.ws.rs.Path;
            import javax.ws.rs.PathParam;

            @Path("deals")
            public class DealResource {
                @GET
                @Path("{id}")
                public String get(@PathParam("id") String id) {
                    return id;
                }

                @POST
                public String create(String body) {
                    return body;
                }
            }
            """;
    private static final long GC_WAIT_MILLIS = 10_000;

    @TempDir
    Path classes;

    private final EntityParameters entityParameters = new EntityParameters();

    @Test
    void theClassLoaderOfAResourceCanBeCollectedOnceItIsDropped() throws Exception {
        compileResource();

        WeakReference<ClassLoader> loader = askAboutResourceInThrowawayLoader();

        long deadline = System.nanoTime() + GC_WAIT_MILLIS * 1_000_000;
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.get()).as("the vendor's class loader was collected").isNull();
    }

    private void compileResource() throws IOException {
        Path source = classes.resolve("src/vendor/deals/DealResource.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
        String jaxrs = Path.of(GET.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.resolve("out").toString(),
                "-classpath", jaxrs + File.pathSeparator, source.toString());
        assertThat(status).as("the sample resource compiles").isZero();
    }

    /** Loads the resource in its own loader, asks about its methods (as the filter does per request), drops it. */
    private WeakReference<ClassLoader> askAboutResourceInThrowawayLoader() throws Exception {
        URL[] path = {classes.resolve("out").toUri().toURL()};
        try (URLClassLoader vendor = new URLClassLoader(path, EntityParameters.class.getClassLoader())) {
            Class<?> resource = vendor.loadClass("vendor.deals.DealResource");
            assertThat(entityParameters.takesBody(resource.getMethod("get", String.class))).isFalse();
            assertThat(entityParameters.takesBody(resource.getMethod("create", String.class))).isTrue();
            assertThat(entityParameters.takesBody(resource.getMethod("create", String.class))).as("remembered").isTrue();
            return new WeakReference<>(vendor);
        }
    }
}
