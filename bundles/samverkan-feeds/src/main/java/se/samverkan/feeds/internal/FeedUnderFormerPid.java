package se.samverkan.feeds.internal;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.service.ActivityService;
import se.samverkan.routes.ImportJob;

/**
 * A feed configured under the name its configuration had before release 0.2
 * ({@code se.samverkan.calendar.feed-NAME.cfg}), so that an installation's etc/ keeps working when carried over;
 * new feeds use {@link Feed#PID}.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class, Feed.class}, configurationPid = Feed.FORMER_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FeedUnderFormerPid extends Feed {

    private static final System.Logger LOG = System.getLogger(FeedUnderFormerPid.class.getName());

    @Activate
    public FeedUnderFormerPid(Map<String, Object> properties, @Reference ActivityService activities,
                              @Reference FeedStore store, @Reference QuarantineService quarantine) {
        super(properties, activities, store, quarantine);
        LOG.log(System.Logger.Level.INFO, "Feed " + feedId() + " is configured under " + Feed.FORMER_PID
                + ", the name before 0.2: it is read as ever; " + Feed.PID + " is its name now");
    }
}
