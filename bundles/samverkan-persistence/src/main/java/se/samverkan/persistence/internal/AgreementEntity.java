package se.samverkan.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.AgreementStatus;

@Entity(name = "Agreement")
@Table(name = "agreement")
public class AgreementEntity extends RecordEntity {

    protected AgreementEntity() {
        // for JPA
    }

    AgreementEntity(String id) {
        this.id = id;
    }

    @Id
    String id;
    String title;
    @Enumerated(EnumType.STRING)
    AgreementKind kind;
    String purpose;
    @Column(name = "start_date")
    LocalDate startDate;
    @Column(name = "end_date")
    LocalDate endDate;
    @Column(name = "budget_sek")
    BigDecimal budgetSek;
    @Column(name = "funder_id")
    String funderId;
    @Enumerated(EnumType.STRING)
    AgreementStatus status;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "agreement_organisation", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "organisation_id")
    Set<String> organisationIds = new HashSet<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "agreement_municipality", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "municipality_code")
    Set<String> municipalityCodes = new HashSet<>();
}
