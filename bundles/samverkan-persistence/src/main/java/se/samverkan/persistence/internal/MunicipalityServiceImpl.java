package se.samverkan.persistence.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.security.Scope;
import se.samverkan.api.security.Scopes;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.validation.Validation;

@Component(service = MunicipalityService.class)
public class MunicipalityServiceImpl extends JpaEntityService<Municipality, MunicipalityEntity>
        implements MunicipalityService {

    @Activate
    public MunicipalityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Schema schema) {
        super(MunicipalityEntity.class, "code", jpa, schema);
    }

    @Override
    protected boolean adminOnlyCreateDelete() {
        return true;
    }

    @Override
    protected String idOf(Municipality m) {
        return m.code();
    }

    @Override
    protected Municipality toRecord(MunicipalityEntity e) {
        return new Municipality(e.code, e.name, e.county, e.subRegion, e.active);
    }

    @Override
    protected MunicipalityEntity newEntity(String id) {
        MunicipalityEntity e = new MunicipalityEntity();
        e.code = id;
        return e;
    }

    @Override
    protected void copy(Municipality m, MunicipalityEntity e) {
        e.name = m.name();
        e.county = m.county();
        e.subRegion = m.subRegion();
        e.active = m.active();
    }

    @Override
    protected void validate(Municipality m) {
        Validation.validate(m);
    }

    @Override
    protected Scope scope(Municipality m) {
        return Scopes.of(m);
    }
}
