package se.samverkan.api.service;

import se.samverkan.api.model.Municipality;

public interface MunicipalityService extends EntityService<Municipality> {

    @Override
    default String kind() {
        return "municipality";
    }
}
