package se.samverkan.persistence.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.validation.Validation;

@Component(service = MunicipalityService.class)
public class MunicipalityServiceImpl extends JpaEntityService<Municipality, MunicipalityEntity>
        implements MunicipalityService {

    private final SearchIndex index;

    @Activate
    public MunicipalityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions,
                                   @Reference SearchIndex index) {
        super(new Kind<Municipality, MunicipalityEntity>(MunicipalityEntity.class, "code", Municipality::code,
                MunicipalityEntity::new, Validation::validate, AccessPolicy::municipality), jpa, contributions);
        this.index = index;
    }

    /** Search hides the activities of inactive municipalities. */
    @Override
    protected void committed(String id, Municipality saved) {
        if (saved == null) {
            index.removeMunicipality(id);
        } else {
            index.put(saved);
        }
    }

    @Override
    protected Municipality toRecord(MunicipalityEntity e) {
        return new Municipality(e.code, e.name, e.county, e.subRegion, e.active, e.languages, e.settings);
    }

    @Override
    protected void copy(Municipality m, MunicipalityEntity e) {
        e.name = m.name();
        e.county = m.county();
        e.subRegion = m.subRegion();
        e.active = m.active();
        if (!e.languages.equals(m.languages())) {
            e.languages.clear();
            e.languages.addAll(m.languages());
        }
        replace(e.settings, m.settings());
    }

}
