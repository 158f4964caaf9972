package se.samverkan.persistence.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import se.samverkan.api.model.OccurrenceStatus;

/** Times are stored in UTC; the API shows them in Europe/Stockholm. */
@Entity(name = "Occurrence")
@Table(name = "occurrence")
public class OccurrenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne
    @JoinColumn(name = "activity_id")
    ActivityEntity activity;
    @Column(name = "starts_at")
    LocalDateTime startsAtUtc;
    @Column(name = "ends_at")
    LocalDateTime endsAtUtc;
    @Enumerated(EnumType.STRING)
    OccurrenceStatus status;
}
