package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.itests.Http.Reply;

/** The registries in the distribution: organisation registers, Kolada's key figures and SCB's municipality list. */
public class RegistriesIT extends PlatformTestSupport {

    private static final String FIRST_PAGE = "/kolada/v3/data/kpi/N31001/municipality/1487,1488,0000/year/2023";
    private static final String JSON = "application/json; charset=utf-8";

    @Inject
    private RegistryService registries;

    /**
     * The registries in the distribution: an organisation register file with one bad row dropped into a folder
     * (rows over REST, the bad one quarantined, the run in registry-list), Kolada's API served by a local HTTP
     * server (two pages, run on demand over REST, figures over REST), the shipped demo register,
     * and municipality codes checked against SCB's list wherever records are written.
     */
    @Test
    public void registriesImportOrganisationsAndKeyFiguresAndTheMunicipalityListValidates() throws Exception {
        Path folder = Paths.get(System.getProperty("karaf.data"), "samverkan", "registries", "itest");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("export.csv"), "namn;organisationsnummer;kommun;verksamhetsområden;kontakt\n"
                + "Läxhjälpen i Laxå;802011-2234;1860;läxhjälp|barn;laxhjalp@example.org\n"
                + "Cykelvänner Hallsberg;802456-7896;Hallsbergs kommun;cykling;\n"
                + "Felaktiga föreningen;802456-7897;1860;;\n", StandardCharsets.UTF_8);
        try (LocalHttpServer kolada = new LocalHttpServer()) {
            // Read a second after it is configured: at once, the timer's first fire may come before it starts.
            configureFactory("se.samverkan.registries.organisations", Map.of("id", "itest-register",
                    "folder", folder.toString(), "startDelaySeconds", "1"));
            await("the register itest-register read", () -> registries.registry("itest-register"),
                    register -> register.map(r -> r.lastRun() != null && r.lastRun().outcome() == RegistryRun.Outcome.OK)
                            .orElse(false));
            assertEquals(new ImportCounts(2, 0, 0, 1), registries.registry("itest-register").orElseThrow().lastRun().counts());
            JsonNode found = http.get("/registry/organisations?municipality=1861").body();
            assertEquals("Cykelvänner Hallsberg", found.get("items").get(0).get("name").asText());
            assertEquals("läxhjälp", http.get("/registry/organisations/8020112234").body().get("areasOfWork").get(0).asText());
            assertTrue(executeCommand("samverkan:quarantine-list --source register:itest-register").contains("802456-7897"));
            assertTrue(executeCommand("samverkan:registry-list").lines()
                    .anyMatch(l -> l.startsWith("itest-register") && l.contains("2 new, 0 changed, 0 unchanged, 1 rejected")));

            // The shipped demo register: its bad row is quarantined too.
            assertTrue(executeCommand("samverkan:registry-run ideella-demo").contains("| ok"));
            assertTrue(http.get("/registry/organisations?q=support+group").body().get("items").size() >= 1);
            assertTrue(executeCommand("samverkan:quarantine-list --source register:ideella-demo").contains("802500-8818"));

            serveKolada(kolada);
            configure("se.samverkan.registries.kolada", Map.of("url", kolada.url("/kolada"), "kpis", "N31001",
                    "years", "2023", "municipalities", "1487, 1488"));
            await("Kolada configured", () -> registries.registry("kolada"),
                    registry -> registry.map(r -> r.source().contains(kolada.url("/kolada"))).orElse(false));
            assertEquals(401, http.send("POST", "/admin/registries/kolada/run", "", null, null).status());
            Reply run = http.send("POST", "/admin/registries/kolada/run", "", ADMIN, ADMIN_PASSWORD);
            assertEquals(200, run.status());
            assertEquals("OK", run.body().get("lastRun").get("outcome").asText());
            assertEquals(4, run.body().get("lastRun").get("counts").get("created").asInt());
            assertEquals(2, kolada.requests().size());
            JsonNode figures = http.get("/kpis?municipality=1487&kpi=N31001").body();
            assertEquals(2, figures.size());
            assertEquals(1234.5, figures.findValues("value").stream().mapToDouble(JsonNode::asDouble).max().orElseThrow(), 0);
            assertEquals(400, http.get("/kpis").status());

            kolada.serve(FIRST_PAGE, 503, null, null);
            Reply failed = http.send("POST", "/admin/registries/kolada/run", "", ADMIN, ADMIN_PASSWORD);
            assertEquals("FAILED", failed.body().get("lastRun").get("outcome").asText());
            assertTrue(failed.body().get("lastRun").get("error").asText().contains("HTTP 503"));
            assertEquals("the last good figures are kept", 2, http.get("/kpis?municipality=1487&kpi=N31001").body().size());
            assertTrue(http.send("GET", "/admin/registries", null, ADMIN, ADMIN_PASSWORD).body().findValuesAsText("id")
                    .containsAll(List.of("kolada", "municipalities", "itest-register", "ideella-demo")));

            // Municipality codes are checked against SCB's list wherever records are written.
            Reply refused = http.send("POST", "/municipalities", "{\"code\":\"1409\",\"name\":\"Ingen\",\"county\":"
                    + "\"Västra Götalands län\",\"subRegion\":null,\"active\":true}", ADMIN, ADMIN_PASSWORD);
            assertEquals(400, refused.status());
            assertTrue(refused.body().toString(), refused.body().toString().contains("'1409' is not a Swedish municipality"));
            assertEquals(290, http.get("/registry/municipalities").body().get("municipalities").size());
        }
    }

    /** Kolada's v3 data API in its real shape: the figures of 1487 and 1488 for 2023 over two pages. */
    private static void serveKolada(LocalHttpServer kolada) {
        kolada.serve(FIRST_PAGE, 200, JSON, "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1487\","
                + "\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":1234.5,\"count\":1,\"status\":\"\"},"
                + "{\"gender\":\"K\",\"value\":null,\"count\":null,\"status\":\"Saknas\"}]}],"
                + "\"count\":1,\"next_url\":\"" + kolada.url(FIRST_PAGE + "?page=2") + "\"}");
        kolada.serve(FIRST_PAGE + "?page=2", 200, JSON, "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1488\","
                + "\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":980.25,\"count\":1,\"status\":\"\"}]},"
                + "{\"kpi\":\"N31001\",\"municipality\":\"0000\",\"period\":2023,\"values\":["
                + "{\"gender\":\"T\",\"value\":1500,\"count\":290,\"status\":\"\"}]}],\"count\":2,\"next_url\":null}");
    }
}
