package org.bastion.crm.rest.internal.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Checks that request bytes are well-formed UTF-8: no overlong forms, no encoded surrogates, no stray or truncated
 * sequences (the JDK's decoder refuses all of them).
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Returns if {@code bytes} are well-formed UTF-8; else throws a parse error (answered as malformed JSON, 400). */
    static void check(byte[] bytes) throws JsonParseException {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new JsonParseException((JsonParser) null, "the body is not well-formed UTF-8", JsonLocation.NA);
        }
    }
}
