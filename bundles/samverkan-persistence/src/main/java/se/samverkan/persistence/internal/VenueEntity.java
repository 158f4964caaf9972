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

import se.samverkan.api.model.AccessibilityFeature;

@Entity(name = "Venue")
@Table(name = "venue")
public class VenueEntity extends RecordEntity {

    protected VenueEntity() {
        // for JPA
    }

    VenueEntity(String id) {
        this.id = id;
    }

    @Id
    String id;
    String name;
    String address;
    @Column(name = "municipality_code")
    String municipalityCode;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "venue_accessibility", joinColumns = @JoinColumn(name = "venue_id"))
    @Column(name = "feature")
    @Enumerated(EnumType.STRING)
    Set<AccessibilityFeature> accessibility = new HashSet<>();
}
