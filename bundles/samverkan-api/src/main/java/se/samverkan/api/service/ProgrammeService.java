package se.samverkan.api.service;

import se.samverkan.api.model.Programme;

public interface ProgrammeService extends EntityService<Programme> {

    @Override
    default String kind() {
        return "programme";
    }
}
