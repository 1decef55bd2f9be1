package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The malformed bodies sent to one operation: a fixed set (broken and truncated JSON, wrong top-level types, huge
 * strings, keys, numbers and nesting, duplicate keys, bad text, bad bytes, bad charsets and wrong content types, at
 * least {@value #MINIMUM} of them) plus three wrong-typed values for every declared top-level property. Bodies derive
 * from a {@link SampleValues sample} of the operation's schema, so each breaks one thing at a time.
 */
public final class BadBodies {

    /** The fewest bodies any operation gets. */
    public static final int MINIMUM = 40;

    /** The length of the long strings: one million characters, under the API's 1 MiB body limit. */
    public static final int LONG_TEXT = 1_000_000;

    /** The depth of the deeply nested bodies. */
    public static final int DEEP = 10_000;

    private static final String MARK = "@@sweep-value@@";

    private BadBodies() {
    }

    /** Every bad body for {@code operation}, derived from a sample of its schema. */
    public static List<BadBody> of(SweepOperation operation) {
        return of(operation, Map.of());
    }

    /** Every bad body for {@code operation}, derived from a sample that takes the {@code known} valid values. */
    public static List<BadBody> of(SweepOperation operation, Map<String, JsonNode> known) {
        JsonNode sample = SampleValues.of(operation.bodySchema(), known);
        ObjectNode object = sample.isObject() ? (ObjectNode) sample.deepCopy() : objectWithName();
        String text = firstTextProperty(operation.bodySchema(), object);
        String any = object.fieldNames().hasNext() ? object.fieldNames().next() : text;
        String sampleJson = object.toString();
        List<BadBody> bodies = new ArrayList<>();
        broken(bodies, sampleJson, text);
        wrongTopLevel(bodies, sampleJson);
        huge(bodies, object, text, any);
        duplicates(bodies, object, any);
        badText(bodies, object, text);
        badBytes(bodies, object, text);
        contentTypes(bodies, sampleJson);
        wrongTypes(bodies, operation.bodySchema(), object);
        return bodies.stream().map(body -> body.declaredAs(operation.bodyMediaType())).toList();
    }

    private static void broken(List<BadBody> bodies, String sample, String text) {
        bodies.add(BadBody.json("broken:unterminated-object", "{"));
        bodies.add(BadBody.json("broken:missing-value", "{\"" + text + "\":}"));
        bodies.add(BadBody.json("broken:missing-colon", "{\"" + text + "\" \"x\"}"));
        bodies.add(BadBody.json("broken:single-quotes", "{'" + text + "':'x'}"));
        bodies.add(BadBody.json("broken:unquoted-key", "{" + text + ":\"x\"}"));
        bodies.add(BadBody.json("broken:trailing-comma", "{\"" + text + "\":\"x\",}"));
        bodies.add(BadBody.json("broken:trailing-garbage", sample + "}x"));
        bodies.add(BadBody.json("broken:bad-escape", "{\"" + text + "\":\"a\\qb\"}"));
        bodies.add(BadBody.json("broken:short-unicode-escape", "{\"" + text + "\":\"\\u12\"}"));
        bodies.add(BadBody.json("broken:unterminated-string", "{\"" + text + "\":\"abc"));
        bodies.add(BadBody.json("broken:nan", "{\"" + text + "\":NaN}"));
        bodies.add(BadBody.json("broken:leading-zero", "{\"" + text + "\":007}"));
        bodies.add(BadBody.json("broken:comment", "/* x */ " + sample));
        bodies.add(BadBody.json("broken:empty", ""));
        bodies.add(BadBody.json("broken:whitespace", " \r\n\t "));
        bodies.add(BadBody.json("broken:truncated", sample.substring(0, Math.max(1, sample.length() / 2))));
    }

    private static void wrongTopLevel(List<BadBody> bodies, String sample) {
        bodies.add(BadBody.json("top:null", "null"));
        bodies.add(BadBody.json("top:empty-array", "[]"));
        bodies.add(BadBody.json("top:array-of-sample", "[" + sample + "]"));
        bodies.add(BadBody.json("top:number", "42"));
        bodies.add(BadBody.json("top:string", "\"sweep\""));
        bodies.add(BadBody.json("top:boolean", "true"));
        bodies.add(BadBody.json("top:two-values", sample + " " + sample));
    }

    private static void huge(List<BadBody> bodies, ObjectNode sample, String text, String any) {
        bodies.add(BadBody.json("huge:1m-string", with(sample, text, quoted("x".repeat(LONG_TEXT)))));
        bodies.add(BadBody.json("huge:1m-key", "{\"" + "k".repeat(LONG_TEXT) + "\":1}"));
        bodies.add(BadBody.json("huge:deep-arrays", "[".repeat(DEEP) + "]".repeat(DEEP)));
        bodies.add(BadBody.json("huge:deep-objects", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
        bodies.add(BadBody.json("huge:deep-in-property", with(sample, any, "[".repeat(DEEP) + "]".repeat(DEEP))));
        bodies.add(BadBody.json("huge:long-array", with(sample, any, "[" + "0,".repeat(100_000) + "0]")));
        bodies.add(BadBody.json("huge:exponent", with(sample, any, "1e999999999")));
        bodies.add(BadBody.json("huge:tiny-exponent", with(sample, any, "-1e-999999999")));
        bodies.add(BadBody.json("huge:long-integer", with(sample, any, "9".repeat(5_000))));
        bodies.add(BadBody.json("huge:long-fraction", with(sample, any, "0." + "1".repeat(5_000))));
        bodies.add(BadBody.json("huge:int-overflow", with(sample, any, "-9223372036854775809")));
    }

    private static void duplicates(List<BadBody> bodies, ObjectNode sample, String any) {
        ObjectNode withAny = sample.deepCopy();
        if (!withAny.has(any)) {
            withAny.put(any, "sweep");
        }
        String json = withAny.toString();
        bodies.add(BadBody.json("duplicate:key", "{\"" + any + "\":" + withAny.get(any) + "," + json.substring(1)));
        bodies.add(BadBody.json("duplicate:key-differing-values", "{\"" + any + "\":1,\"" + any + "\":\"sweep\"}"));
    }

    private static void badText(List<BadBody> bodies, ObjectNode sample, String text) {
        bodies.add(BadBody.json("text:unpaired-high-surrogate", with(sample, text, "\"\\ud800x\"")));
        bodies.add(BadBody.json("text:unpaired-low-surrogate", with(sample, text, "\"x\\udc00\"")));
        bodies.add(BadBody.json("text:nul", with(sample, text, "\"a\\u0000b\"")));
        bodies.add(BadBody.json("text:escape-sequence", with(sample, text, "\"\\u001b[31mred\"")));
        bodies.add(BadBody.json("text:raw-control", with(sample, text, "\"a\u0007b\"")));
        bodies.add(BadBody.json("text:bidi-override", with(sample, text, "\"abc\\u202Edef\"")));
    }

    private static void badBytes(List<BadBody> bodies, ObjectNode sample, String text) {
        String[] around = with(sample, text, MARK).split(MARK, 2);
        bodies.add(bytes("bytes:invalid-utf8", around, new byte[] {'"', (byte) 0xC3, 0x28, '"'}));
        bodies.add(bytes("bytes:encoded-surrogate", around, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
        bodies.add(bytes("bytes:overlong-utf8", around, new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}));
        bodies.add(bytes("bytes:ff", around, new byte[] {'"', (byte) 0xFF, (byte) 0xFE, '"'}));
    }

    private static void contentTypes(List<BadBody> bodies, String sample) {
        BadBody body = BadBody.json("", sample);
        bodies.add(body.as("charset:unknown", "application/json; charset=x-nonexistent"));
        bodies.add(body.as("charset:utf-7", "application/json; charset=utf-7"));
        bodies.add(body.as("charset:misspelt", "application/json; charset=UTF-8x"));
        bodies.add(body.as("charset:percent", "application/json; charset=%"));
        // JSON is UTF-8 (RFC 8259): a reader may ignore an empty or a wrong but known charset and read the bytes
        bodies.add(lenient(body.as("charset:empty", "application/json; charset=")));
        bodies.add(lenient(body.as("charset:utf-16-mismatch", "application/json; charset=UTF-16")));
        bodies.add(body.as("content-type:text-plain", "text/plain"));
        bodies.add(body.as("content-type:xml", "application/xml"));
        bodies.add(body.as("content-type:form", "application/x-www-form-urlencoded"));
        bodies.add(body.as("content-type:multipart-without-boundary", "multipart/form-data"));
        bodies.add(body.as("content-type:malformed", "application/"));
        bodies.add(body.as("content-type:wildcard", "*/*"));
        bodies.add(body.as("content-type:none", null));
    }

    private static void wrongTypes(List<BadBody> bodies, JsonNode schema, ObjectNode sample) {
        for (Map.Entry<String, JsonNode> property : SampleValues.properties(schema)) {
            String name = property.getKey();
            for (Map.Entry<String, String> wrong : wrongValues(SampleValues.typeOf(property.getValue()))) {
                bodies.add(BadBody.json("wrong-type:" + name + ":" + wrong.getKey(), with(sample, name, wrong.getValue())));
            }
        }
    }

    /** Three values of other JSON types than {@code type}, by a short name. */
    static List<Map.Entry<String, String>> wrongValues(String type) {
        return switch (type) {
            case "integer", "number" -> List.of(Map.entry("string", "\"sweep\""), Map.entry("boolean", "true"),
                    Map.entry("array", "[1]"));
            case "boolean" -> List.of(Map.entry("string", "\"yes\""), Map.entry("number", "1"),
                    Map.entry("object", "{}"));
            case "array" -> List.of(Map.entry("string", "\"sweep\""), Map.entry("object", "{\"a\":1}"),
                    Map.entry("number", "1"));
            case "object" -> List.of(Map.entry("string", "\"sweep\""), Map.entry("array", "[]"),
                    Map.entry("number", "1"));
            default -> List.of(Map.entry("number", "123"), Map.entry("boolean", "false"),
                    Map.entry("object", "{\"a\":\"b\"}"));
        };
    }

    /** The sample as JSON text with member {@code name} set to the raw JSON {@code rawValue} (added if absent). */
    static String with(ObjectNode sample, String name, String rawValue) {
        ObjectNode copy = sample.deepCopy();
        copy.put(name, MARK);
        return copy.toString().replace("\"" + MARK + "\"", rawValue);
    }

    private static String firstTextProperty(JsonNode schema, ObjectNode sample) {
        String fallback = null;
        for (Map.Entry<String, JsonNode> property : SampleValues.properties(schema)) {
            JsonNode propertySchema = property.getValue();
            if (SampleValues.typeOf(propertySchema).equals("string") && !propertySchema.has("enum")) {
                if (!propertySchema.has("format")) {
                    return property.getKey();
                }
                fallback = fallback == null ? property.getKey() : fallback;
            }
        }
        return fallback != null ? fallback : sample.fieldNames().hasNext() ? sample.fieldNames().next() : "name";
    }

    private static ObjectNode objectWithName() {
        return (ObjectNode) SampleValues.of(null);
    }

    private static BadBody lenient(BadBody body) {
        return new BadBody(body.name(), body.contentType(), body.bytes(), false);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static BadBody bytes(String name, String[] around, byte[] middle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return new BadBody(name, "application/json", out.toByteArray(), true);
    }
}
