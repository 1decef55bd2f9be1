package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform text rule reaches every free-text field of contacts and companies, through the services. */
class TextRuleInEveryFieldTest {

    /** Refused in every field: unpaired surrogates, NUL, ESC, DEL, C1, bidi overrides/isolates, noncharacters. */
    private static final List<String> REFUSED_EVERYWHERE = List.of("\ud800x", "x\udc00", "a\u0000b", "a\u001b[2Jb",
            "a\u007fb", "a\u009bb", "a\u202Eb", "a\u202Ab", "a\u2066b", "a\u2069b", "a\uFFFFb", "a\uFDD0b", "a\u2028b");
    /** Refused in a single-line field only. */
    private static final List<String> LINE_BREAKS_AND_TABS = List.of("a\nb", "a\r\nb", "a\tb");

    private final InMemoryContactRepository contactRows = new InMemoryContactRepository();
    private final InMemoryCompanyRepository companyRows = new InMemoryCompanyRepository();
    private ContactServiceImpl contacts;
    private CompanyServiceImpl companies;

    @BeforeEach
    void createServices() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
        contacts = new ContactServiceImpl(contactRows, companyRows, clock, "49");
        companies = new CompanyServiceImpl(companyRows, contactRows::countByCompany, clock);
        contacts.permissions = FakePermissions.everything();
        companies.permissions = FakePermissions.everything();
        contacts.callerContext = () -> new Caller("u-1", "ann", Set.of(), true);
        companies.callerContext = contacts.callerContext;
    }

    private static ContactDraft contact(String first, String last, String title, List<EmailAddress> emails,
                                        List<PhoneNumber> phones, List<PostalAddress> addresses, Set<String> tags,
                                        String owner, String notes) {
        return new ContactDraft(first, last, title, null, emails, phones, addresses, tags, owner, notes, null);
    }

    private static PostalAddress address(String type, String street, String city, String region, String code) {
        return new PostalAddress(type, street, city, region, code, "DE");
    }

    static Stream<Arguments> contactFields() {
        List<Arguments> fields = new ArrayList<>();
        singleLine(fields, "firstName", v -> contact(v, "Lee", null, null, null, null, null, null, null));
        singleLine(fields, "lastName", v -> contact("Ann", v, null, null, null, null, null, null, null));
        singleLine(fields, "title", v -> contact("Ann", null, v, null, null, null, null, null, null));
        singleLine(fields, "owner", v -> contact("Ann", null, null, null, null, null, null, v, null));
        singleLine(fields, "tags[0]", v -> contact("Ann", null, null, null, null, null, Set.of(v), null, null));
        singleLine(fields, "emails[0].type", v -> contact("Ann", null, null,
                List.of(new EmailAddress(v, "ann@example.com", true)), null, null, null, null, null));
        singleLine(fields, "emails[0].address", v -> contact("Ann", null, null,
                List.of(new EmailAddress("work", v + "@example.com", true)), null, null, null, null, null));
        singleLine(fields, "phones[0].type", v -> contact("Ann", null, null, null,
                List.of(new PhoneNumber(v, "+4930123456")), null, null, null, null));
        singleLine(fields, "phones[0].number", v -> contact("Ann", null, null, null,
                List.of(new PhoneNumber("work", "+4930" + v + "123456")), null, null, null, null));
        singleLine(fields, "addresses[0].type", v -> contact("Ann", null, null, null, null,
                List.of(address(v, "Main St 1", "Berlin", null, "10115")), null, null, null));
        singleLine(fields, "addresses[0].city", v -> contact("Ann", null, null, null, null,
                List.of(address("home", "Main St 1", v, null, "10115")), null, null, null));
        singleLine(fields, "addresses[0].region", v -> contact("Ann", null, null, null, null,
                List.of(address("home", "Main St 1", "Berlin", v, "10115")), null, null, null));
        singleLine(fields, "addresses[0].postalCode", v -> contact("Ann", null, null, null, null,
                List.of(address("home", "Main St 1", "Berlin", null, v)), null, null, null));
        singleLine(fields, "addresses[0].country", v -> contact("Ann", null, null, null, null,
                List.of(new PostalAddress("home", "Main St 1", "Berlin", null, null, "D" + v)), null, null, null));
        multiLine(fields, "notes", v -> contact("Ann", null, null, null, null, null, null, null, v));
        multiLine(fields, "addresses[0].street", v -> contact("Ann", null, null, null, null,
                List.of(address("home", v, "Berlin", null, "10115")), null, null, null));
        return fields.stream();
    }

    static Stream<Arguments> companyFields() {
        List<Arguments> fields = new ArrayList<>();
        singleLine(fields, "name", v -> new CompanyDraft(v, null, null, null, null));
        singleLine(fields, "domain", v -> new CompanyDraft("Acme", "ac" + v + ".example", null, null, null));
        singleLine(fields, "tags[0]", v -> new CompanyDraft("Acme", null, null, Set.of(v), null));
        singleLine(fields, "owner", v -> new CompanyDraft("Acme", null, null, null, v));
        singleLine(fields, "address.city", v -> new CompanyDraft("Acme", null,
                address("office", "Main St 1", v, null, null), null, null));
        singleLine(fields, "address.type", v -> new CompanyDraft("Acme", null,
                address(v, "Main St 1", "Berlin", null, null), null, null));
        singleLine(fields, "address.region", v -> new CompanyDraft("Acme", null,
                address("office", "Main St 1", "Berlin", v, null), null, null));
        singleLine(fields, "address.postalCode", v -> new CompanyDraft("Acme", null,
                address("office", "Main St 1", "Berlin", null, v), null, null));
        multiLine(fields, "address.street", v -> new CompanyDraft("Acme", null,
                address("office", v, "Berlin", null, null), null, null));
        return fields.stream();
    }

    private static <T> void singleLine(List<Arguments> fields, String field, Function<String, T> draft) {
        Stream.concat(REFUSED_EVERYWHERE.stream(), LINE_BREAKS_AND_TABS.stream()).forEach(bad ->
                fields.add(Arguments.of(field, printable(bad), draft.apply(bad))));
    }

    private static <T> void multiLine(List<Arguments> fields, String field, Function<String, T> draft) {
        Stream.concat(REFUSED_EVERYWHERE.stream(), Stream.of("lone\rreturn")).forEach(bad ->
                fields.add(Arguments.of(field, printable(bad), draft.apply(bad))));
    }

    private static String printable(String value) {
        return org.bastion.crm.api.text.SafeText.escape(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("contactFields")
    void aContactFieldWithAnUnsafeCharacterIsRefusedUnderItsNameAndNothingIsStored(String field, String shown,
                                                                                      ContactDraft draft) {
        assertThatThrownBy(() -> contacts.create(draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
        assertThat(contactRows.count(null)).isZero();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("companyFields")
    void aCompanyFieldWithAnUnsafeCharacterIsRefusedUnderItsNameAndNothingIsStored(String field, String shown,
                                                                                      CompanyDraft draft) {
        assertThatThrownBy(() -> companies.create(draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
        assertThat(companyRows.search(new CompanyCriteria(List.of(), null, null, List.of(), 0, 20)).total()).isZero();
    }

    @Test
    void theIssuesUnpairedSurrogateNameIsRefusedWithAMessageNamingTheCodePoint() {
        assertThatThrownBy(() -> contacts.create(contact("\ud800x", null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("firstName", "must not contain an unpaired UTF-16 surrogate"
                                + " (the text is not valid Unicode) (U+D800 at position 1)")));
        assertThatThrownBy(() -> companies.create(new CompanyDraft("\ud800x", null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name"));
    }

    @Test
    void anUpdateIsCheckedLikeACreate() {
        Contact ann = contacts.create(contact("Ann", null, null, null, null, null, null, null, null));
        Company acme = companies.create(new CompanyDraft("Acme", null, null, null, null));

        assertThatThrownBy(() -> contacts.update(ann.id(), ann.version(),
                contact("Ann", "\u001b]0;pwned\u0007", null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("lastName"));
        assertThatThrownBy(() -> companies.update(acme.id(), acme.version(),
                new CompanyDraft("Acme\u202E", null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name"));
        assertThat(contacts.find(ann.id()).orElseThrow().lastName()).isNull();
        assertThat(companies.find(acme.id()).orElseThrow().name()).isEqualTo("Acme");
    }

    @Test
    void notesAndStreetsKeepTheirLineBreaksAndTabs() {
        Contact ann = contacts.create(contact("Ann", null, null, null, null,
                List.of(address("home", "Hinterhaus\r\nMain St 1", "Berlin", null, "10115")), null, null,
                "first line\nsecond line\r\n\tindented"));

        assertThat(ann.notes()).isEqualTo("first line\nsecond line\r\n\tindented");
        assertThat(ann.addresses().get(0).street()).isEqualTo("Hinterhaus\r\nMain St 1");
    }

    @Test
    void namesInAnyScriptAndEmojiAreKept() {
        Contact contact = contacts.create(contact("Zoë 😀", "שרה\u200F כהן", "王伟 · Ἀριστοτέλης", null, null, null,
                Set.of("👩‍👩‍👧"), null, null));
        Company company = companies.create(new CompanyDraft("محمد & Söhne 🇩🇪", null, null, null, null));

        assertThat(contact.firstName()).isEqualTo("Zoë 😀");
        assertThat(contact.lastName()).isEqualTo("שרה\u200F כהן");
        assertThat(contact.tags()).containsExactly("👩‍👩‍👧");
        assertThat(company.name()).isEqualTo("محمد & Söhne 🇩🇪");
    }
}
