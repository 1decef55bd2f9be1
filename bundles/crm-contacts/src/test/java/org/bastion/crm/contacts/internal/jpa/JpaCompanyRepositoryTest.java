package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.contacts.internal.CompanyCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaCompanyRepositoryTest {

    private static final List<SortKey> BY_NAME = List.of(new SortKey("name", true), new SortKey("id", true));

    private H2Database db;
    private JpaCompanyRepository companies;
    private JpaContactRepository contacts;

    @BeforeEach
    void open() throws Exception {
        db = new H2Database().migrated();
        companies = new JpaCompanyRepository(db.template());
        contacts = new JpaContactRepository(db.template(), db.counter.dataSource(), new FakeFieldCipher());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void storesAndReadsBackACompanyWithAndWithoutAddress() {
        Company full = Samples.company("Acme", "acme.example");
        Company bare = new Company(UUID.randomUUID(), "Bare", null, null, Set.of(), "bob", Samples.NOW, Samples.NOW, 0);

        companies.insert(full);
        companies.insert(bare);

        assertThat(companies.find(full.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(full);
        assertThat(companies.find(bare.id()).orElseThrow().address()).isNull();
        assertThat(companies.ownerOf(bare.id())).contains("bob");
        assertThat(companies.ownerOf(UUID.randomUUID())).isEmpty();
        assertThat(companies.findIdByDomain("acme.example")).contains(full.id());
    }

    @Test
    void aDuplicateDomainThatSlipsPastTheServiceIsAConflict() {
        companies.insert(Samples.company("Acme", "acme.example"));

        assertThatThrownBy(() -> companies.insert(Samples.company("Acme 2", "acme.example")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCompanyContactsReferToCannotBeDeletedEvenWithoutTheServiceCheck() {
        Company acme = companies.insert(Samples.company("Acme", "acme.example"));
        contacts.insert(Samples.contact("Ada", "Lovelace", acme.id()));

        assertThatThrownBy(() -> companies.delete(acme.id(), current -> { })).isInstanceOf(ConflictException.class);
        assertThat(companies.find(acme.id())).isPresent();
        assertThat(contacts.countByCompany(acme.id())).isEqualTo(1);
    }

    @Test
    void searchesNameAndDomainCaseInsensitivelyInNameOrder() {
        companies.insert(Samples.company("beta Corp", "beta.example"));
        companies.insert(Samples.company("Alpha Inc", "alpha.example"));
        companies.insert(new Company(UUID.randomUUID(), "Gamma", null, null, Set.of("prospect"), "bob", Samples.NOW,
                Samples.NOW, 0));

        assertThat(names(new CompanyCriteria(List.of(), null, null, BY_NAME, 0, 10)))
                .containsExactly("Alpha Inc", "beta Corp", "Gamma");
        assertThat(names(new CompanyCriteria(List.of("alpha.ex"), null, null, BY_NAME, 0, 10)))
                .containsExactly("Alpha Inc");
        assertThat(names(new CompanyCriteria(List.of(), "prospect", null, BY_NAME, 0, 10))).containsExactly("Gamma");
        assertThat(names(new CompanyCriteria(List.of(), null, "alice", BY_NAME, 0, 10))).hasSize(2);
    }

    private List<String> names(CompanyCriteria criteria) {
        return companies.search(criteria).items().stream().map(Company::name).toList();
    }
}
