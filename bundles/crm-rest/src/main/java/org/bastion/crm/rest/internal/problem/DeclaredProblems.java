package org.bastion.crm.rest.internal.problem;

import java.util.Map;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;

/**
 * Reads what a CRM exception type declares about its answer ({@link ProblemType}, {@link ProblemHeaders}), so that an
 * exception of any bundle, a vendor's included, answers with its own status without the REST layer knowing its type.
 */
final class DeclaredProblems {

    private static final System.Logger LOG = System.getLogger(DeclaredProblems.class.getName());

    /** The status of an exception nothing in its hierarchy declares. */
    static final int UNDECLARED_STATUS = 400;

    private DeclaredProblems() {
    }

    /** The status the nearest {@link ProblemType} of the error's class hierarchy declares; 400 when none (or invalid). */
    static int statusOf(CrmException error) {
        ProblemType declared = error.getClass().getAnnotation(ProblemType.class);
        if (declared == null) {
            return UNDECLARED_STATUS;
        }
        if (declared.status() < 400 || declared.status() > 599) {
            LOG.log(System.Logger.Level.WARNING, error.getClass().getName() + " declares status " + declared.status()
                    + ", not an error status; answering " + UNDECLARED_STATUS);
            return UNDECLARED_STATUS;
        }
        return declared.status();
    }

    /** The declared title, else the fixed title of {@code status}. */
    static String titleOf(CrmException error, int status) {
        ProblemType declared = error.getClass().getAnnotation(ProblemType.class);
        return declared != null && declared.status() == status && !declared.title().isBlank()
                ? declared.title() : ProblemResponses.titleOf(status);
    }

    /**
     * The extra headers the error declares; never {@code Content-Type} or {@code Content-Length}, nor a name or value
     * with a control character (no header splitting); none when the declaration itself fails.
     */
    static MultivaluedMap<String, Object> headersOf(CrmException error) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        if (!(error instanceof ProblemHeaders declaring)) {
            return headers;
        }
        Map<String, String> declared;
        try {
            declared = declaring.problemHeaders();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, error.getClass().getName() + " failed to declare its problem headers", e);
            return headers;
        }
        if (declared == null) {
            return headers;
        }
        declared.forEach((name, value) -> {
            if (isToken(name) && value != null && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                    && !name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                headers.putSingle(name, value);
            }
        });
        return headers;
    }

    private static boolean isToken(String name) {
        return name != null && !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7f
                && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }
}
