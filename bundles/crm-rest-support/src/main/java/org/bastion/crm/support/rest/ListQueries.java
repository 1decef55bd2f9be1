package org.bastion.crm.support.rest;

import java.util.UUID;

import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.rest.Paging;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/**
 * Reads the query parameters of a list resource ({@code q}, filters, {@code page}, {@code size}, {@code sort}) into
 * what a service's query takes, and answers a page as the list body every list of the API uses. The constants are the
 * parameter descriptions every list documents the same way (usable in {@code @Parameter(description = ...)}).
 *
 * <p>Sort keys are parsed here ({@code -} for descending) and checked by the service against the fields it can sort
 * by ({@link org.bastion.crm.api.SortRules}), which also makes every order total.
 */
public final class ListQueries {

    /** How {@code page} is documented. */
    public static final String PAGE_DESCRIPTION = "zero-based page number, default 0";

    /** How {@code size} is documented. */
    public static final String SIZE_DESCRIPTION = "page size, 1 to " + PageRequest.MAX_SIZE + ", default "
            + PageRequest.DEFAULT_SIZE;

    /** How {@code owner} is documented. */
    public static final String OWNER_DESCRIPTION = "the owner's user id";

    private ListQueries() {
    }

    /**
     * A text filter ({@code q}, {@code tag}, {@code owner}): trimmed, or null when absent or blank (no filter). The
     * caller checks the characters itself; {@link #text(String, String)} does it for one-line filters.
     */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /**
     * A one-line text filter: trimmed, or null when absent or blank (no filter). A control character, line break,
     * bidirectional override or unpaired surrogate is refused here, before the value reaches a query: no stored
     * one-line value holds one, and a NUL fails the whole statement on PostgreSQL.
     *
     * @throws ValidationException naming {@code parameter} when the value holds such a character
     */
    public static String text(String parameter, String raw) {
        String value = text(raw);
        return value == null ? null : SafeText.require(parameter, value, TextKind.SINGLE_LINE);
    }

    /**
     * A filter by record id: null when absent or blank.
     *
     * @throws ValidationException naming {@code parameter} when the value is not a UUID
     */
    public static UUID id(String parameter, String raw) {
        return RecordRequests.queryId(parameter, raw);
    }

    /**
     * The page request of the raw {@code page}, {@code size} and {@code sort} parameters: page 0 and size
     * {@value PageRequest#DEFAULT_SIZE} by default, sort keys in the order given.
     *
     * @throws ValidationException naming {@code page}, {@code size} or both when they are not whole numbers in range
     */
    public static PageRequest page(String page, String size, String sort) {
        return Paging.request(page, size, sort);
    }

    /** The list body of a page (items, total, page, size and the paging links of the request's URI). */
    public static <T> PageBody<T> body(UriInfo uriInfo, Page<T> page) {
        return Paging.body(uriInfo.getRequestUri(), page);
    }
}
