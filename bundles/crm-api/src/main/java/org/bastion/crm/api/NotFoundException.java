package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/**
 * The record asked for does not exist (or the caller may not know it exists). A refusal for a record outside the
 * caller's scope is made with {@link #outOfScope}: the client gets the same 404, the audit trail records a denial.
 */
@ProblemType(status = 404)
public class NotFoundException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;
    private final boolean outOfScope;

    public NotFoundException(String kind, Object id) {
        this(kind, id, false);
    }

    private NotFoundException(String kind, Object id, boolean outOfScope) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id == null ? null : String.valueOf(id);
        this.outOfScope = outOfScope;
    }

    /**
     * The 404 for a record that exists but lies outside the caller's scope: answered exactly like a missing one,
     * recorded as a denial ({@code access.denied}) by the REST layer.
     */
    public static NotFoundException outOfScope(String kind, Object id) {
        return new NotFoundException(kind, id, true);
    }

    /** Whether the record exists and the caller's scope does not reach it (never told to the client). */
    public boolean outOfScope() {
        return outOfScope;
    }

    /** The kind of record asked for. */
    public String kind() {
        return kind;
    }

    /** The id asked for, or null. */
    public String id() {
        return id;
    }

    @Override
    public String code() {
        return "not-found";
    }
}
