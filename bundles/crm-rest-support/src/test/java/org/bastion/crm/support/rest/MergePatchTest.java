package org.bastion.crm.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MergePatchTest {

    /** The test cases of RFC 7396, appendix A. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'a':'b'}                 | {'a':'c'}             | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}             | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}            | {}",
        "{'a':'b','b':'c'}         | {'a':null}            | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}             | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}           | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}             | {'a':[1]}",
        "['a','b']                 | ['c','d']             | ['c','d']",
        "{'a':'b'}                 | ['c']                 | ['c']",
        "{'a':'foo'}               | null                  | null",
        "{'a':'foo'}               | \"bar\"               | \"bar\"",
        "{'e':null}                | {'a':1}               | {'e':null,'a':1}",
        "[1,2]                     | {'a':'b','c':null}    | {'a':'b'}",
        "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"})
    void followsTheRfcExamples(String target, String patch, String expected) throws Exception {
        assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void leavesItsArgumentsUnchanged() throws Exception {
        JsonNode target = json("{'a':{'b':'c'}}");
        JsonNode patch = json("{'a':{'b':null}}");
        MergePatch.apply(target, patch);
        assertThat(target).isEqualTo(json("{'a':{'b':'c'}}"));
        assertThat(patch).isEqualTo(json("{'a':{'b':null}}"));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }
}
