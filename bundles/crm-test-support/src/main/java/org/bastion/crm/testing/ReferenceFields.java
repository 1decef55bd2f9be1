package org.bastion.crm.testing;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Declarative Services references a bundle injects into fields, read from the component descriptors bnd wrote
 * into its {@code target/classes/OSGI-INF}, so that a unit test can check how those fields are declared.
 */
public final class ReferenceFields {

    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("<reference [^>]*\\bfield=\"([^\"]+)\"");

    private ReferenceFields() {
    }

    /** The fields into which the bundle holding {@code anyClassOfTheBundle} has services injected. */
    public static List<Field> of(Class<?> anyClassOfTheBundle) {
        Path descriptors = classesOf(anyClassOfTheBundle).resolve("OSGI-INF");
        if (!Files.isDirectory(descriptors)) {
            throw new IllegalStateException("no component descriptors in " + descriptors + " (run bnd first)");
        }
        List<Field> fields = new ArrayList<>();
        try (Stream<Path> files = Files.list(descriptors)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String xml = Files.readString(file, StandardCharsets.UTF_8);
                Matcher implementation = IMPLEMENTATION.matcher(xml);
                if (!implementation.find()) {
                    continue;
                }
                Class<?> type = Class.forName(implementation.group(1), false, anyClassOfTheBundle.getClassLoader());
                Matcher field = FIELD.matcher(xml);
                while (field.find()) {
                    fields.add(type.getDeclaredField(field.group(1)));
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the component descriptors in " + descriptors, e);
        }
        return fields;
    }

    /** The field references of the bundle that any other class may change: public and not final. */
    public static List<String> publicMutable(Class<?> anyClassOfTheBundle) {
        return of(anyClassOfTheBundle).stream()
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()))
                .map(f -> f.getDeclaringClass().getName() + "." + f.getName()).toList();
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
