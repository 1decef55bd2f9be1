package org.bastion.crm.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.security.TotpEnrolmentRequiredException;
import org.junit.jupiter.api.Test;

/** What the API's own types declare to the REST application: the answers that used to be hard-coded in crm-rest. */
class DeclaredAnswersTest {

    @Test
    void theApisExceptionsDeclareTheStatusesTheyAlwaysAnswered() {
        assertThat(Map.of(
                NotFoundException.class, 404, ConflictException.class, 409, StaleVersionException.class, 412,
                PreconditionRequiredException.class, 428, AccessDeniedException.class, 403,
                ServiceUnavailableException.class, 503, ValidationException.class, 400,
                KeysLockedException.class, 503, TotpEnrolmentRequiredException.class, 403))
                .allSatisfy((type, status) -> assertThat(type.getAnnotation(ProblemType.class).status())
                        .as(type.getSimpleName()).isEqualTo(status));
    }

    @Test
    void theTwoTitlesThatDifferFromTheStatusTitleAreDeclared() {
        assertThat(ValidationException.class.getAnnotation(ProblemType.class).title()).isEqualTo("Invalid input");
        assertThat(StaleVersionException.class.getAnnotation(ProblemType.class).title()).isEqualTo("Stale version");
        assertThat(NotFoundException.class.getAnnotation(ProblemType.class).title()).isEmpty();
    }

    @Test
    void anIntegrityFailureDeclaresNoClientStatus() {
        // the REST layer answers it as a logged 500 of its own, never as a client error
        Class<? extends CrmException> integrity = IntegrityException.class;
        assertThat(integrity.getAnnotation(ProblemType.class)).isNull();
    }

    @Test
    void contactAndCompanyDraftsDeclareTheMembersOfTheirStoredRecordReadOnly() {
        for (Class<?> draft : new Class<?>[] {ContactDraft.class, CompanyDraft.class}) {
            assertThat(draft.getAnnotation(ReadOnlyMembers.class).value()).as(draft.getSimpleName())
                    .containsExactly("id", "version", "createdAt", "updatedAt");
        }
    }
}
