package se.samverkan.persistence.internal;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import se.samverkan.api.model.OrganisationKind;

@Entity(name = "Organisation")
@Table(name = "organisation")
public class OrganisationEntity extends RecordEntity {

    protected OrganisationEntity() {
        // for JPA
    }

    OrganisationEntity(String id) {
        this.id = id;
    }

    @Id
    String id;
    String name;
    @Enumerated(EnumType.STRING)
    OrganisationKind kind;
    @Column(name = "org_number")
    String organisationNumber;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "organisation_municipality", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "municipality_code")
    Set<String> municipalityCodes = new HashSet<>();
}
