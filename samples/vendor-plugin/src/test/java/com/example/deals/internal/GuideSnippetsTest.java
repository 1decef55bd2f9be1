package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The vendor guide quotes the sample plugin, never a copy that can drift: every code block of {@code docs/vendor-guide.md}
 * in Java, XML or properties is preceded by {@code <!-- snippet: PATH#TAG -->} and must equal the region of PATH between
 * {@code tag::TAG[]} and {@code end::TAG[]} (indentation common to the region removed).
 */
class GuideSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\s*\\n```(\\w*)\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern QUOTED_BLOCK = Pattern.compile("```(java|xml|properties)\\n");

    @Test
    void everyQuotedBlockOfTheGuideEqualsTheTaggedRegionOfTheSample() throws IOException {
        Path root = repositoryRoot();
        String guide = Files.readString(root.resolve("docs/vendor-guide.md"), StandardCharsets.UTF_8);
        Matcher snippet = SNIPPET.matcher(guide);
        List<String> checked = new ArrayList<>();
        while (snippet.find()) {
            Path source = root.resolve(snippet.group(1));
            assertThat(source).as("file quoted by the guide").isRegularFile();
            String region = region(Files.readString(source, StandardCharsets.UTF_8), snippet.group(2), snippet.group(1));
            assertThat(snippet.group(4)).as("guide snippet %s#%s", snippet.group(1), snippet.group(2)).isEqualTo(region);
            checked.add(snippet.group(1) + "#" + snippet.group(2));
        }
        long quotedBlocks = QUOTED_BLOCK.matcher(guide).results().count();
        assertThat(checked).as("snippets checked").hasSizeGreaterThanOrEqualTo(5);
        assertThat((long) checked.size()).as("every java/xml/properties block of the guide is a checked snippet")
                .isEqualTo(quotedBlocks);
    }

    @Test
    void aRegionIsTheTaggedLinesWithoutTheirCommonIndentation() {
        String source = "class A {\n    // tag::x[]\n    void a() {\n        b();\n    }\n    // end::x[]\n}\n";
        assertThat(region(source, "x", "A.java")).isEqualTo("void a() {\n    b();\n}");
    }

    /** The lines between the tag's start and end markers, without their common indentation. */
    static String region(String source, String tag, String name) {
        List<String> lines = source.lines().toList();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]") && !lines.get(i).contains("end::")) {
                start = i + 1;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag::%s[] in %s", tag, name).isPositive();
        assertThat(end).as("end::%s[] in %s", tag, name).isGreaterThanOrEqualTo(start);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/vendor-guide.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/vendor-guide.md not found above " + Path.of("").toAbsolutePath());
    }
}
