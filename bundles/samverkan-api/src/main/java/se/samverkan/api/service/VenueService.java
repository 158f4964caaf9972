package se.samverkan.api.service;

import se.samverkan.api.model.Venue;

public interface VenueService extends EntityService<Venue> {

    @Override
    default String kind() {
        return "venue";
    }
}
