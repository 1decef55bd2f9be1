package org.bastion.crm.itests.crash;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.Test;

/**
 * How the crash suite reads {@code jdbc:query}'s table of applied migrations and compares it with the scripts the
 * bundles ship; a plain unit test run by Surefire.
 */
public class SchemaVersionsTest {

    /** What {@code jdbc:query} printed on H2 (columns in the order H2 chose, colours around an error-free run). */
    private static final String H2_OUTPUT = String.join("\n",
            "VERSION | COMPONENT",
            "--------+------------",
            "1       | contacts",
            "2       | contacts",
            "3       | contacts",
            "1       | crypto",
            "1       | permissions",
            "1       | security");

    @Test
    public void readsTheTableWhateverTheColumnOrder() {
        assertEquals(Map.of("contacts", List.of(1, 2, 3), "crypto", List.of(1), "permissions", List.of(1),
                "security", List.of(1)), SchemaVersions.parse(H2_OUTPUT));
        assertEquals(Map.of("contacts", List.of(3)), SchemaVersions.parse("\u001B[1mCOMPONENT\u001B[0m | VERSION\n"
                + "----------+--------\ncontacts  | 3\n"));
    }

    @Test
    public void aSchemaAtEveryShippedVersionHasNoDifference() {
        assertEquals(List.of(), SchemaVersions.differences(shipped(), SchemaVersions.parse(H2_OUTPUT)));
    }

    @Test
    public void aMissingOrExtraMigrationIsADifference() {
        Map<String, List<Integer>> applied = SchemaVersions.parse(H2_OUTPUT.replace("3       | contacts\n", "")
                .replace("1       | crypto", "1       | crypto\n2       | crypto"));
        assertEquals(List.of("contacts ships migrations [1, 2, 3] but the database recorded [1, 2]",
                "crypto ships migrations [1] but the database recorded [1, 2]"),
                SchemaVersions.differences(shipped(), applied));
    }

    @Test(expected = AssertionError.class)
    public void anOutputWithoutTheTableFails() {
        SchemaVersions.parse("Error executing command: Login failed");
    }

    private static Map<String, TreeSet<Integer>> shipped() {
        return Map.of("contacts", new TreeSet<>(List.of(1, 2, 3)), "crypto", new TreeSet<>(List.of(1)),
                "permissions", new TreeSet<>(List.of(1)), "security", new TreeSet<>(List.of(1)));
    }
}
