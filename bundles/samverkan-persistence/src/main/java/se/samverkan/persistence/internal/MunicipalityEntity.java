package se.samverkan.persistence.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

@Entity(name = "Municipality")
@Table(name = "municipality")
public class MunicipalityEntity extends RecordEntity {

    protected MunicipalityEntity() {
        // for JPA
    }

    MunicipalityEntity(String code) {
        this.code = code;
    }

    @Id
    String code;
    String name;
    String county;
    @Column(name = "sub_region")
    String subRegion;
    boolean active;

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "municipality_language", joinColumns = @JoinColumn(name = "municipality_code"))
    @OrderColumn(name = "position")
    @Column(name = "language")
    List<String> languages = new ArrayList<>();

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "municipality_setting", joinColumns = @JoinColumn(name = "municipality_code"))
    @MapKeyColumn(name = "name")
    @Column(name = "setting_value")
    Map<String, String> settings = new HashMap<>();
}
