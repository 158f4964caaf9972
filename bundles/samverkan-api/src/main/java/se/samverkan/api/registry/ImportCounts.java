package se.samverkan.api.registry;

/** What one run of a registry did: records new, changed, unchanged, and rejected (quarantined). */
public record ImportCounts(int created, int changed, int unchanged, int rejected) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);

    public ImportCounts plus(ImportCounts o) {
        return new ImportCounts(created + o.created, changed + o.changed, unchanged + o.unchanged, rejected + o.rejected);
    }

    public ImportCounts withRejected(int more) {
        return new ImportCounts(created, changed, unchanged, rejected + more);
    }
}
