package se.samverkan.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.MapKeyEnumerated;
import javax.persistence.Table;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import se.samverkan.api.model.OutcomeTarget.Outcome;

@Entity(name = "Programme")
@Table(name = "programme")
public class ProgrammeEntity extends RecordEntity {

    protected ProgrammeEntity() {
        // for JPA
    }

    ProgrammeEntity(String id) {
        this.id = id;
    }

    @Id
    String id;
    String name;
    @Column(name = "owner_id")
    String ownerId;
    @Column(name = "funder_id")
    String funderId;
    @Column(name = "start_date")
    LocalDate startDate;
    @Column(name = "end_date")
    LocalDate endDate;
    @Column(name = "budget_sek")
    BigDecimal budgetSek;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "programme_municipality", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "municipality_code")
    Set<String> municipalityCodes = new HashSet<>();

    /** Promised change in per cent per outcome. */
    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "programme_target", joinColumns = @JoinColumn(name = "programme_id"))
    @MapKeyColumn(name = "outcome")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "change_percent")
    Map<Outcome, BigDecimal> targets = new EnumMap<>(Outcome.class);
}
