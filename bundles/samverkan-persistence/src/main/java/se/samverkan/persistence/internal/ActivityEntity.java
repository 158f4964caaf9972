package se.samverkan.persistence.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Lob;
import javax.persistence.MapKeyColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;

/** Collections are batch-fetched so that a page of activities costs one query per collection, not per row. */
@Entity(name = "Activity")
@Table(name = "activity")
public class ActivityEntity extends RecordEntity {

    protected ActivityEntity() {
        // for JPA
    }

    ActivityEntity(String id) {
        this.id = id;
    }

    @Id
    String id;
    @Enumerated(EnumType.STRING)
    ActivityCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "focus_area")
    FocusArea focusArea;
    @Column(name = "municipality_code")
    String municipalityCode;
    @Column(name = "agreement_id")
    String agreementId;
    @Column(name = "programme_id")
    String programmeId;
    @Column(name = "venue_id")
    String venueId;
    Integer capacity;
    @Column(name = "cost_sek")
    BigDecimal costSek;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "activity_title", joinColumns = @JoinColumn(name = "activity_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "content")
    Map<String, String> title = new HashMap<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "activity_description", joinColumns = @JoinColumn(name = "activity_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "content")
    Map<String, String> description = new HashMap<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "activity_language", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "lang")
    Set<String> languages = new HashSet<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "activity_target_group", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "target_group")
    Set<String> targetGroups = new HashSet<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "activity_organiser", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "organisation_id")
    @OrderColumn(name = "ordinal")
    List<String> organiserIds = new ArrayList<>();

    /** The occurrences as {@link StoredOccurrences} writes them; the column's name is schema V7's. */
    @Lob
    @Column(name = "sessions")
    String occurrences;
}
