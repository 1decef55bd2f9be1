package org.bastion.crm.itests.checks.sweep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bastion.crm.itests.support.Json;
import org.junit.Test;

/**
 * The sweep's generator on a small OpenAPI document: which operations it reads, which cases each gets (40+ bodies,
 * three wrong types per property, every bad segment per path parameter, every bad value per query parameter, an
 * anonymous sample), and that each body breaks one thing of a sample. A plain unit test run by Surefire.
 */
public class SweepPlanTest {

    private static final String DOCUMENT = """
            {"openapi":"3.0.1","security":[{"bearer":[]}],
             "paths":{
              "/things":{"get":{"parameters":[{"name":"q","in":"query","schema":{"type":"string"}},
                                               {"name":"size","in":"query","schema":{"type":"string"}}]},
                         "post":{"requestBody":{"content":{"application/json":
                                  {"schema":{"$ref":"#/components/schemas/ThingDraft"}}}}}},
              "/things/{id}":{"parameters":[{"name":"id","in":"path","required":true}],
                              "patch":{"parameters":[{"name":"If-Match","in":"header"}],
                                       "requestBody":{"content":{"application/merge-patch+json":
                                        {"schema":{"$ref":"#/components/schemas/ThingDraft"}}}}},
                              "delete":{}},
              "/teams/{name}/members/{userId}":{"put":{}},
              "/health":{"get":{"security":[]}}},
             "components":{"schemas":{"ThingDraft":{"type":"object","properties":{
                "id":{"type":"string","readOnly":true},
                "name":{"type":"string"},"born":{"type":"string","format":"date"},
                "count":{"type":"integer"},"active":{"type":"boolean"},
                "tags":{"type":"array","items":{"type":"string"}},
                "owner":{"$ref":"#/components/schemas/Owner"}}},
              "Owner":{"type":"object","properties":{"email":{"type":"string","format":"email"}}}}}}
            """;

    private static final List<SweepOperation> OPERATIONS = OpenApiOperations.of(Json.parse(DOCUMENT));

    private static SweepOperation operation(String name) {
        return OPERATIONS.stream().filter(operation -> operation.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + OPERATIONS));
    }

    private static List<SweepCase> cases(String name, SweepCase.Kind kind, boolean anonymous) {
        SweepOperation operation = operation(name);
        Map<String, String> values = operation.pathParameters().stream()
                .collect(Collectors.toMap(parameter -> parameter, parameter -> "fixture-" + parameter));
        return SweepPlan.casesOf(operation, values).stream()
                .filter(c -> c.kind() == kind && c.anonymous() == anonymous).toList();
    }

    @Test
    public void everyOperationOfTheDocumentIsReadWithItsParametersBodyAndSecurity() {
        assertEquals(List.of("GET /things", "POST /things", "PATCH /things/{id}", "DELETE /things/{id}",
                "PUT /teams/{name}/members/{userId}", "GET /health"),
                OPERATIONS.stream().map(SweepOperation::name).toList());
        assertEquals(List.of("q", "size"), operation("GET /things").queryParameters());
        assertEquals(List.of("id"), operation("DELETE /things/{id}").pathParameters());
        assertEquals(List.of("name", "userId"), operation("PUT /teams/{name}/members/{userId}").pathParameters());
        assertEquals(List.of("If-Match"), operation("PATCH /things/{id}").headerParameters());
        assertEquals("application/merge-patch+json", operation("PATCH /things/{id}").bodyMediaType());
        assertTrue("the $ref is resolved", operation("POST /things").bodySchema().path("properties").has("owner"));
        assertTrue(operation("GET /health").isPublic());
        assertFalse(operation("GET /things").isPublic());
        assertFalse(operation("DELETE /things/{id}").takesBody());
    }

    @Test
    public void everyOperationGetsAtLeastFortyBodiesAndThoseWithABodyMustRefuseThem() {
        for (SweepOperation operation : OPERATIONS) {
            List<SweepCase> bodies = cases(operation.name(), SweepCase.Kind.BODY, false);
            assertTrue(operation + ": " + bodies.size(), bodies.size() >= BadBodies.MINIMUM);
            long mustRefuse = bodies.stream().filter(SweepCase::mustBeRefused).count();
            if (operation.takesBody()) {
                assertTrue(operation + " refuses nearly all", mustRefuse >= bodies.size() - 2);
            } else {
                assertEquals(operation + " takes no body: only 5xx and leaks count", 0, mustRefuse);
            }
        }
    }

    @Test
    public void theBodiesCoverEveryKindOfBreakage() {
        Set<String> names = BadBodies.of(operation("POST /things")).stream().map(BadBody::name)
                .collect(Collectors.toSet());
        for (String expected : List.of("broken:unterminated-object", "broken:truncated", "top:null", "top:empty-array",
                "top:number", "huge:1m-string", "huge:deep-arrays", "huge:deep-objects", "duplicate:key",
                "huge:exponent", "text:unpaired-high-surrogate", "text:nul", "text:bidi-override",
                "bytes:overlong-utf8", "charset:unknown", "charset:utf-7", "content-type:text-plain",
                "content-type:none")) {
            assertTrue("has " + expected + ": " + names, names.contains(expected));
        }
    }

    @Test
    public void eachWritablePropertyGetsThreeWrongTypes() {
        List<String> wrongTypes = BadBodies.of(operation("POST /things")).stream().map(BadBody::name)
                .filter(name -> name.startsWith("wrong-type:")).toList();
        assertEquals(List.of("wrong-type:name:number", "wrong-type:name:boolean", "wrong-type:name:object",
                "wrong-type:born:number", "wrong-type:born:boolean", "wrong-type:born:object",
                "wrong-type:count:string", "wrong-type:count:boolean", "wrong-type:count:array",
                "wrong-type:active:string", "wrong-type:active:number", "wrong-type:active:object",
                "wrong-type:tags:string", "wrong-type:tags:object", "wrong-type:tags:number",
                "wrong-type:owner:string", "wrong-type:owner:array", "wrong-type:owner:number"), wrongTypes);
    }

    @Test
    public void aBodyBreaksOneThingOfASampleThatTakesTheKnownValues() {
        Map<String, JsonNode> known = Map.of("name", TextNode.valueOf("valid-name"));
        BadBody wrongCount = BadBodies.of(operation("POST /things"), known).stream()
                .filter(body -> body.name().equals("wrong-type:count:string")).findFirst().orElseThrow();
        JsonNode body = Json.parse(new String(wrongCount.bytes(), StandardCharsets.UTF_8));
        assertEquals("valid-name", body.path("name").asText());
        assertEquals("sweep", body.path("count").asText());
        assertEquals("1990-12-31", body.path("born").asText());
        assertFalse("read-only properties are left out", body.has("id"));
        BadBody surrogate = BadBodies.of(operation("POST /things"), known).stream()
                .filter(b -> b.name().equals("text:unpaired-high-surrogate")).findFirst().orElseThrow();
        assertTrue("text attacks go into the first plain text property",
                new String(surrogate.bytes(), StandardCharsets.UTF_8).contains("\"name\":\"\\ud800x\""));
        assertEquals("the merge-patch operation's bodies carry its media type", "application/merge-patch+json",
                BadBodies.of(operation("PATCH /things/{id}")).get(0).contentType());
    }

    @Test
    public void theHugeBodiesAreAsLargeAndDeepAsPromisedYetUnderTheBodyLimit() {
        Map<String, BadBody> bodies = BadBodies.of(operation("POST /things")).stream()
                .collect(Collectors.toMap(BadBody::name, body -> body));
        int length = bodies.get("huge:1m-string").bytes().length;
        assertTrue(length > BadBodies.LONG_TEXT && length < 1024 * 1024);
        String deep = new String(bodies.get("huge:deep-arrays").bytes(), StandardCharsets.US_ASCII);
        assertEquals(BadBodies.DEEP, deep.chars().filter(c -> c == '[').count());
    }

    @Test
    public void eachPathParameterGetsEveryBadSegmentWhileTheOthersKeepTheirFixture() {
        List<SweepCase> paths = cases("PUT /teams/{name}/members/{userId}", SweepCase.Kind.PATH, false);
        assertEquals(2 * BadPathIds.segments().size(), paths.size());
        assertTrue(paths.stream().anyMatch(c -> c.target().equals("/teams/fixture-name/members/%00")));
        assertTrue(paths.stream().anyMatch(c -> c.target().equals("/teams/a%2Fb/members/fixture-userId")));
        assertTrue(paths.stream().anyMatch(c -> c.target().equals("/teams/../members/fixture-userId")));
        assertTrue(paths.stream().anyMatch(c -> c.target().equals("/teams/fixture-name/members/")));
        assertTrue(paths.stream().anyMatch(c -> c.target().length() > BadPathIds.TOO_LONG));
        assertTrue(paths.stream().noneMatch(SweepCase::mustBeRefused));
    }

    @Test
    public void eachQueryParameterGetsWrongTypesNegativeHugeRepeatedAndInjectedValues() {
        List<String> targets = cases("GET /things", SweepCase.Kind.QUERY, false).stream().map(SweepCase::target)
                .toList();
        assertEquals(2 * BadQueryValues.of("q").size(), targets.size());
        for (String expected : List.of("/things?size=abc", "/things?size=-1", "/things?size=99999999999999999999999",
                "/things?size=1&size=2", "/things?q=%27%20OR%201=1--", "/things?q=", "/things?q=a%00b")) {
            assertTrue("has " + expected, targets.contains(expected));
        }
    }

    @Test
    public void aSampleOfTheCasesIsSentAgainWithoutAToken() {
        List<SweepCase> anonymous = cases("PATCH /things/{id}", SweepCase.Kind.BODY, true);
        int bodies = cases("PATCH /things/{id}", SweepCase.Kind.BODY, false).size();
        assertEquals((bodies + SweepPlan.ANONYMOUS_EVERY - 1) / SweepPlan.ANONYMOUS_EVERY, anonymous.size());
        assertEquals(2, cases("PATCH /things/{id}", SweepCase.Kind.PATH, true).size());
        assertEquals(4, cases("GET /things", SweepCase.Kind.QUERY, true).size());
        assertEquals(3, cases("PATCH /things/{id}", SweepCase.Kind.HEADER, false).size());
    }

    @Test
    public void endlessEventStreamsAreLeftOutOfTheSweep() {
        JsonNode document = Json.parse("{\"paths\":{\"/alerts/stream\":{\"get\":{\"responses\":{\"200\":"
                + "{\"content\":{\"text/event-stream\":{}}}}}},\"/alerts\":{\"get\":{\"responses\":{\"200\":"
                + "{\"content\":{\"application/json\":{}}}}}}}}");
        assertEquals(List.of("/alerts"), OpenApiOperations.of(document).stream().map(SweepOperation::pathTemplate)
                .toList());
    }
}
