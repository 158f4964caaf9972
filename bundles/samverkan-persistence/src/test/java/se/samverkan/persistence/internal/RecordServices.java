package se.samverkan.persistence.internal;

/** Every record service on one fresh in-memory Derby, wired as the container wires them. */
class RecordServices implements AutoCloseable {

    final DerbyDatabase db;
    final SearchIndex index;
    final Contributions contributions;
    final MunicipalityServiceImpl municipalities;
    final OrganisationServiceImpl organisations;
    final AgreementServiceImpl agreements;
    final ProgrammeServiceImpl programmes;
    final VenueServiceImpl venues;
    final ActivityServiceImpl activities;

    RecordServices() throws Exception {
        db = new DerbyDatabase();
        index = new SearchIndex(db.schema);
        contributions = new Contributions(db.schema, index);
        municipalities = new MunicipalityServiceImpl(db, contributions, index);
        organisations = new OrganisationServiceImpl(db, contributions);
        agreements = new AgreementServiceImpl(db, contributions);
        programmes = new ProgrammeServiceImpl(db, contributions);
        venues = new VenueServiceImpl(db, contributions, index);
        activities = new ActivityServiceImpl(db, contributions, index);
    }

    @Override
    public void close() {
        db.close();
    }
}
