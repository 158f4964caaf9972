package se.samverkan.persistence.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Municipality")
@Table(name = "municipality")
public class MunicipalityEntity {

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
}
