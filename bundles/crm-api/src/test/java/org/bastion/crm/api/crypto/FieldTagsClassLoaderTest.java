package org.bastion.crm.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor bundle's record types read by {@link FieldTags} do not keep the bundle's class loader alive. */
class FieldTagsClassLoaderTest {

    private static final String SOURCE = """
            package vendor.deals;

            import org.bastion.crm.api.crypto.DataTags;
            import org.bastion.crm.api.crypto.FieldTag;

            public record Deal(String id, @DataTags(FieldTag.PERSONAL) String contactName,
                    @DataTags(FieldTag.SENSITIVE) String terms) {
            }
            """;
    private static final long GC_WAIT_MILLIS = 10_000;

    @TempDir
    Path classes;

    @Test
    void theClassLoaderOfATaggedRecordCanBeCollectedOnceItIsDropped() throws Exception {
        compileDeal();

        WeakReference<ClassLoader> loader = useDealInThrowawayLoader();

        long deadline = System.nanoTime() + GC_WAIT_MILLIS * 1_000_000;
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.get()).as("the vendor's class loader was collected").isNull();
    }

    private void compileDeal() throws IOException {
        Path source = classes.resolve("src/vendor/deals/Deal.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
        String api = Path.of(DataTags.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.resolve("out").toString(), "-classpath", api,
                source.toString());
        assertThat(status).as("the sample record compiles").isZero();
    }

    /** Loads Deal in its own loader, reads its tags (as a vendor's bundle would), then drops every reference. */
    private WeakReference<ClassLoader> useDealInThrowawayLoader() throws Exception {
        URL[] path = {classes.resolve("out").toUri().toURL()};
        try (URLClassLoader vendor = new URLClassLoader(path, FieldTags.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> deal = (Class<? extends Record>) vendor.loadClass("vendor.deals.Deal");
            assertThat(deal.getClassLoader()).isSameAs(vendor);
            assertThat(FieldTags.fieldsTagged(deal, FieldTag.PERSONAL)).containsExactly("contactName", "terms");
            assertThat(FieldTags.fieldsTagged(deal, FieldTag.SENSITIVE)).isEqualTo(java.util.Set.of("terms"));
            assertThat(List.copyOf(FieldTags.of(deal).keySet())).containsExactly("contactName", "terms");
            return new WeakReference<>(vendor);
        }
    }
}
