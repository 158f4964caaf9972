package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.routes.internal.ImportJobsImpl;
import se.samverkan.routes.internal.QuarantineImpl;

/** registry-run and /admin/registries/ID/run as what they are now: a run of the registry's import job, on Derby. */
class RegistriesTest {

    @TempDir
    Path folder;

    private final DerbyDatabase db = new DerbyDatabase();
    private final RegistryStoreImpl store = new RegistryStoreImpl(db.schema);
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);
    private final ImportJobsImpl jobs = new ImportJobsImpl(quarantine, db.schema);
    private final Registries registries = new Registries(jobs);

    RegistriesTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRunOfARegistryIsARunOfItsJobRefusedToANonAdministratorAndAudited() throws Exception {
        Files.writeString(folder.resolve("export.csv"), "namn;organisationsnummer;kommun\n"
                + "Support Group Network;802002-8711;1487\n", StandardCharsets.UTF_8);
        OrganisationRegisterImport register = new OrganisationRegisterImport(RegistrySettings.of(null,
                Map.of("id", "ideella", "folder", folder.toString()), 60), store, new OrganisationRegisterImpl(db.schema),
                quarantine, new MunicipalityCatalogueImpl(store));
        jobs.addJob(register);
        registries.addRegistry(register);

        Caller coordinator = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1487"));
        assertThrows(AccessDeniedException.class, () -> registries.run(coordinator, "ideella"));
        assertNull(registries.registry("ideella").orElseThrow().lastRun(), "refused: not run");

        RegistryStatus ran = registries.run(Caller.fromRoleNames("anna", List.of("admin")), "ideella");
        assertEquals(new ImportCounts(1, 0, 0, 0), ran.lastRun().counts());
        assertEquals(ran.lastRun().finished(), jobs.job("registry:ideella").orElseThrow().lastRun().finished(),
                "one run, two views");
        assertEquals(List.of("anna RUN import_job registry:ideella"), db.auditLog());
        assertThrows(NotFoundException.class, () -> registries.run(Caller.SYSTEM, "okand"));
    }
}
