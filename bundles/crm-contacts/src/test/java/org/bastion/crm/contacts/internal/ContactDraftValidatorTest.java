package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactDraftValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final ContactDraftValidator validator = new ContactDraftValidator(new PhoneNumbers("49"), CLOCK);

    static Stream<Arguments> brokenRules() {
        return Stream.of(
            Arguments.of("no name at all", draft(" ", null), "firstName"),
            Arguments.of("first name too long", draft("x".repeat(101), "L"), "firstName"),
            Arguments.of("last name with a line break", draft("A", "Love\nlace"), "lastName"),
            Arguments.of("title too long", with(draft("A", "B"), d -> new ContactDraft(d.firstName(), d.lastName(),
                    "t".repeat(101), null, null, null, null, null, null, null, null)), "title"),
            Arguments.of("notes too long", with(draft("A", "B"), d -> new ContactDraft("A", null, null, null, null, null,
                    null, null, null, "n".repeat(10_001), null)), "notes"),
            Arguments.of("birthday tomorrow", new ContactDraft("A", null, null, null, null, null, null, null, null, null,
                    LocalDate.of(2025, 6, 16)), "birthday"),
            Arguments.of("bad second e-mail", emails(new EmailAddress(null, "a@example.com", false),
                    new EmailAddress(null, "nope", false)), "emails[1].address"),
            Arguments.of("two primaries", emails(new EmailAddress(null, "a@example.com", true),
                    new EmailAddress(null, "b@example.com", true)), "emails[1].primary"),
            Arguments.of("same address twice", emails(new EmailAddress(null, "a@example.com", false),
                    new EmailAddress(null, "A@EXAMPLE.com", false)), "emails[1].address"),
            Arguments.of("21 e-mails", emails(IntStream.range(0, 21).mapToObj(i ->
                    new EmailAddress(null, "a" + i + "@example.com", false)).toArray(EmailAddress[]::new)), "emails"),
            Arguments.of("phone with letters", new ContactDraft("A", null, null, null, null,
                    List.of(new PhoneNumber("work", "+49 30 CALL")), null, null, null, null, null), "phones[0].number"),
            Arguments.of("21 phones", new ContactDraft("A", null, null, null, null, Collections.nCopies(21,
                    new PhoneNumber(null, "+4930123456")), null, null, null, null, null), "phones"),
            Arguments.of("unknown country", addresses(new PostalAddress(null, "Main St 1", null, null, null, "ZZ")),
                    "addresses[0].country"),
            Arguments.of("empty address", addresses(new PostalAddress("home", null, " ", null, null, null)), "addresses[0]"),
            Arguments.of("tag too long", tags(Set.of("t".repeat(51))), "tags[0]"),
            Arguments.of("51 tags", tags(new HashSet<>(IntStream.range(0, 51).mapToObj(i -> "t" + i).toList())), "tags"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void reportsTheBrokenRuleUnderItsJsonPath(String rule, ContactDraft draft, String field) {
        assertThatThrownBy(() -> validator.validate(draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }

    @Test
    void collectsAllErrorsInsteadOfStoppingAtTheFirst() {
        ContactDraft bad = new ContactDraft(null, null, "t".repeat(200), null,
                List.of(new EmailAddress(null, "x", false)), List.of(new PhoneNumber(null, "12")),
                List.of(new PostalAddress(null, null, null, null, null, "QQ")), null, null, null, LocalDate.of(2030, 1, 1));

        assertThatThrownBy(() -> validator.validate(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("firstName", "title",
                        "emails[0].address", "phones[0].number", "addresses[0].country", "birthday"));
    }

    @Test
    void theFirstAddressBecomesPrimaryWhenNoneIsMarked() {
        ContactDraft valid = validator.validate(emails(new EmailAddress("work", "a@example.com", false),
                new EmailAddress("home", "b@example.com", false)));

        assertThat(valid.emails()).containsExactly(new EmailAddress("work", "a@example.com", true),
                new EmailAddress("home", "b@example.com", false));
    }

    @Test
    void theMarkedPrimaryMovesToTheFront() {
        ContactDraft valid = validator.validate(emails(new EmailAddress("work", "a@example.com", false),
                new EmailAddress("home", "b@Example.COM", true)));

        assertThat(valid.emails()).containsExactly(new EmailAddress("home", "b@example.com", true),
                new EmailAddress("work", "a@example.com", false));
    }

    @Test
    void normalisesEveryField() {
        ContactDraft valid = validator.validate(new ContactDraft("  Ada ", " ", " Countess ", null, null,
                List.of(new PhoneNumber(" mobile ", "0171 1234567")),
                List.of(new PostalAddress("home", " 12 St James's Sq ", "London", null, "SW1Y 4JH", "gb")),
                Set.of(" VIP ", "Customer"), null, "  met in 1833\n  ", LocalDate.of(1815, 12, 10)));

        assertThat(valid.firstName()).isEqualTo("Ada");
        assertThat(valid.lastName()).isNull();
        assertThat(valid.title()).isEqualTo("Countess");
        assertThat(valid.phones()).containsExactly(new PhoneNumber("mobile", "+491711234567"));
        assertThat(valid.addresses().get(0).country()).isEqualTo("GB");
        assertThat(valid.addresses().get(0).street()).isEqualTo("12 St James's Sq");
        assertThat(valid.tags()).containsExactlyInAnyOrder("vip", "customer");
        assertThat(valid.notes()).isEqualTo("met in 1833");
    }

    private static ContactDraft draft(String first, String last) {
        return new ContactDraft(first, last, null, null, null, null, null, null, null, null, null);
    }

    private static ContactDraft emails(EmailAddress... emails) {
        return new ContactDraft("A", null, null, null, List.of(emails), null, null, null, null, null, null);
    }

    private static ContactDraft addresses(PostalAddress... addresses) {
        return new ContactDraft("A", null, null, null, null, null, List.of(addresses), null, null, null, null);
    }

    private static ContactDraft tags(Set<String> tags) {
        return new ContactDraft("A", null, null, null, null, null, null, tags, null, null, null);
    }

    private static ContactDraft with(ContactDraft d, java.util.function.UnaryOperator<ContactDraft> change) {
        return change.apply(d);
    }
}
