package org.bastion.crm.contacts.internal.jpa;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code crm_company}, its address embedded in the same row and its tags in {@code crm_company_tag}. */
@Entity(name = "Company")
@Table(name = "crm_company")
public class CompanyEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "name_lower", length = 200, nullable = false)
    private String nameLower;

    @Column(name = "domain", length = 253)
    private String domain;

    @Embedded
    private AddressRow address;

    @Column(name = "owner_id", length = 100, nullable = false)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_company_tag", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "tag", length = 50, nullable = false)
    private Set<String> tags = new HashSet<>();

    protected CompanyEntity() {
    }

    public CompanyEntity(String id, LocalDateTime createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** Sets the name and its lower-cased copy, which the list order and the text search use. */
    public void setName(String name) {
        this.name = name;
        this.nameLower = name.toLowerCase(java.util.Locale.ROOT);
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public AddressRow getAddress() {
        return address;
    }

    public void setAddress(AddressRow address) {
        this.address = address;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
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

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = new HashSet<>(tags);
    }
}
