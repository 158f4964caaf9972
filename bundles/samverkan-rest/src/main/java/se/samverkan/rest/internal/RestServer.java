package se.samverkan.rest.internal;

import java.util.List;
import java.util.stream.Stream;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import se.samverkan.api.draft.DraftService;
import se.samverkan.api.feed.FeedService;
import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.OrganisationRegister;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.subscription.SubscriptionService;
import se.samverkan.routes.ImportJobs;

/** Publishes the REST API on CXF's servlet while all services it serves are present. */
@Component(immediate = true, configurationPid = "se.samverkan.rest")
@Designate(ocd = RestConfig.class)
public class RestServer {

    private final Server server;
    private final Server fallback;
    /** Optional: the calendar import may be left out; administration answers 404 for feeds then. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FeedService feeds;
    /** Optional likewise: without the outgoing mail feature, administration answers 404 for mail. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailQueue mail;
    /** Optional likewise: without the registries feature, their administration answers 404. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RegistryService registries;
    /** Optional likewise: without it, subscribing answers 404. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubscriptionService subscriptions;

    @Activate
    public RestServer(RestConfig config, BundleContext context,
                      @Reference ServiceComponentRuntime components,
                      @Reference WebSecurity security,
                      @Reference MunicipalityService municipalities,
                      @Reference OrganisationService organisations,
                      @Reference AgreementService agreements,
                      @Reference ProgrammeService programmes,
                      @Reference VenueService venues,
                      @Reference ActivityService activities,
                      @Reference QuarantineService quarantine,
                      @Reference ImportJobs jobs,
                      @Reference OrganisationRegister register,
                      @Reference KpiStore kpis,
                      @Reference DraftService drafts) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(config.address());
        factory.setServiceBeans(List.of(
                new Resources.Municipalities(municipalities),
                new Resources.Organisations(organisations),
                new Resources.Agreements(agreements),
                new Resources.Programmes(programmes),
                new Resources.Venues(venues),
                new ActivityResource(activities),
                new CalendarResource(activities),
                new AdminResource(() -> feeds, quarantine, jobs, () -> mail),
                new RegistryAdminResource(() -> registries),
                new JobResource(jobs),
                new RegisterResource(register),
                new KpiResource(kpis),
                new DraftResource(drafts),
                new SubscriptionResource(() -> subscriptions, security),
                new HealthResource(ComponentHealth.of(context, components)::problems),
                new OpenApiResource()));
        factory.setProviders(providers(config.maxBodyBytes(), security, config.realm()));
        server = create(factory);
        JAXRSServerFactoryBean root = new JAXRSServerFactoryBean();
        root.setBus(BusFactory.getDefaultBus());
        root.setAddress("/");
        root.setServiceBeans(List.of(new NoSuchResource()));
        root.setProviders(List.of(new JacksonJsonProvider(objectMapper()), new ProblemMapper()));
        fallback = create(root);
    }

    private static Server create(JAXRSServerFactoryBean factory) {
        // CXF looks up its extensions through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Deactivate
    void stop() {
        fallback.destroy();
        server.destroy();
    }

    /** The API's providers: body limit, JSON, errors, request rules, and the filters of {@link WebSecurity}. */
    static List<Object> providers(long maxBodyBytes, WebSecurity security, String realm) {
        return Stream.concat(Stream.of(new BodyLimit(maxBodyBytes), new JacksonJsonProvider(objectMapper()),
                new ProblemMapper(), new RequestRules()), security.providers(realm).stream()).toList();
    }

    /** ISO dates and times as text; unknown fields are an error rather than silently dropped. */
    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
