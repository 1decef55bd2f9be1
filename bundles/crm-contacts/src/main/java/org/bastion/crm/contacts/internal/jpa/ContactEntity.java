package org.bastion.crm.contacts.internal.jpa;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A row of {@code crm_contact} with its child rows, as stored: every personal field holds the ciphertext
 * {@link ContactCodec} made with the contact's own key (the birthday as ISO text). The collections are lazy and written through JPA, but read in bulk
 * by {@link ChildRows} (one select per child table for a whole page): OpenJPA's eager fetching issues one select per
 * contact for ordered lists and, for sets, a parallel select that ignores the page's LIMIT and reads every row.
 */
@Entity(name = "Contact")
@Table(name = "crm_contact")
public class ContactEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "first_name", length = 500)
    private String firstName;

    @Column(name = "last_name", length = 500)
    private String lastName;

    @Column(name = "title", length = 500)
    private String title;

    @Column(name = "company_id", length = 36)
    private String companyId;

    @Column(name = "owner_id", length = 100, nullable = false)
    private String owner;

    @Column(name = "notes", length = 40_100)
    private String notes;

    @Column(name = "birthday", length = 200)
    private String birthday;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_contact_email", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "seq")
    private List<EmailRow> emails = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "seq")
    private List<PhoneRow> phones = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_contact_address", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "seq")
    private List<AddressRow> addresses = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", length = 50, nullable = false)
    private Set<String> tags = new HashSet<>();

    protected ContactEntity() {
    }

    public ContactEntity(String id, LocalDateTime createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCompanyId() {
        return companyId;
    }

    public void setCompanyId(String companyId) {
        this.companyId = companyId;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getBirthday() {
        return birthday;
    }

    public void setBirthday(String birthday) {
        this.birthday = birthday;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<EmailRow> getEmails() {
        return emails;
    }

    public void setEmails(List<EmailRow> emails) {
        this.emails = new ArrayList<>(emails);
    }

    public List<PhoneRow> getPhones() {
        return phones;
    }

    public void setPhones(List<PhoneRow> phones) {
        this.phones = new ArrayList<>(phones);
    }

    public List<AddressRow> getAddresses() {
        return addresses;
    }

    public void setAddresses(List<AddressRow> addresses) {
        this.addresses = new ArrayList<>(addresses);
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = new HashSet<>(tags);
    }
}
