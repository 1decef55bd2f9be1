package org.bastion.crm.contacts.internal;

import java.util.Set;

import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.PostalAddress;

/** Checks a company draft against every rule and returns it normalised (trimmed, domain in lower case). */
public final class CompanyDraftValidator {

    public static final int MAX_NAME = 200;

    private CompanyDraftValidator() {
    }

    /**
     * The normalised draft; the owner stays null when the draft names none.
     *
     * @throws org.bastion.crm.api.ValidationException listing every broken rule
     */
    public static CompanyDraft validate(CompanyDraft draft) {
        Violations violations = new Violations();
        if (draft == null) {
            violations.add("$", "a company is required");
            violations.throwIfAny();
        }
        String name = TextRules.line(draft.name(), MAX_NAME, "name", violations);
        if (TextRules.trimToNull(draft.name()) == null) {
            violations.add("name", "is required");
        }
        String domain = null;
        if (TextRules.trimToNull(draft.domain()) != null) {
            domain = DomainNames.normalise(draft.domain());
            if (domain == null) {
                violations.add("domain", "is not a valid domain name such as example.com");
            }
        }
        PostalAddress address = draft.address() == null ? null
                : PostalAddressRules.normalise(draft.address(), "address", violations);
        Set<String> tags = Tags.normalise(draft.tags(), violations);
        String owner = TextRules.line(draft.owner(), ContactDraftValidator.MAX_OWNER, "owner", violations);
        violations.throwIfAny();
        return new CompanyDraft(name, domain, address, tags, owner);
    }
}
