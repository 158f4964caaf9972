package se.samverkan.routes.internal;

import java.util.List;
import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import se.samverkan.api.model.Activity;
import se.samverkan.routes.ImportResult;
import se.samverkan.routes.ImportResult.Outcome;
import se.samverkan.routes.SamverkanEndpoints;

/**
 * The {@code samverkan:} Camel component, the end of integrators' routes: {@code samverkan:activities} stores
 * activities (see {@link SamverkanEndpoints} for the contract). Only a producer: records go in, nothing comes
 * out of it. The Camel-specific part is this class alone; the work is done by {@link ActivityBody} and
 * {@link ActivityImport}.
 */
final class SamverkanComponent extends DefaultComponent {

    private final ActivityImport activities;

    SamverkanComponent(ActivityImport activities) {
        this.activities = activities;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (!"activities".equals(remaining)) {
            throw new IllegalArgumentException("Unknown Samverkan endpoint '" + uri + "'; there is "
                    + SamverkanEndpoints.ACTIVITIES);
        }
        return new ActivitiesEndpoint(uri, this);
    }

    private static final class ActivitiesEndpoint extends DefaultEndpoint {

        ActivitiesEndpoint(String uri, SamverkanComponent component) {
            super(uri, component);
        }

        @Override
        public Producer createProducer() {
            return new ActivitiesProducer(this, ((SamverkanComponent) getComponent()).activities);
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException(getEndpointUri() + " only receives: use it in to(...)");
        }
    }

    private static final class ActivitiesProducer extends DefaultProducer {

        private final ActivityImport activities;

        ActivitiesProducer(Endpoint endpoint, ActivityImport activities) {
            super(endpoint);
            this.activities = activities;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            Message in = exchange.getIn();
            List<ActivityBody.Item> items = in.getBody() == null ? null : ActivityBody.fromObject(in.getBody());
            if (items == null) {
                // Text, bytes, a stream or a file: Camel's type converters make it text.
                String json = in.getBody(String.class);
                if (json == null || json.isBlank()) {
                    throw new InvalidPayloadException(exchange, Activity.class);
                }
                try {
                    items = ActivityBody.fromJson(json);
                } catch (IllegalArgumentException e) {
                    throw new InvalidPayloadException(exchange, Activity.class, in, e);
                }
            }
            List<ImportResult> results = activities.store(items, ActivityImport.callerFor(exchange.getFromRouteId()));
            Message out = exchange.getMessage();
            out.setBody(results);
            out.setHeader(SamverkanEndpoints.CREATED, count(results, Outcome.CREATED));
            out.setHeader(SamverkanEndpoints.UPDATED, count(results, Outcome.UPDATED));
            out.setHeader(SamverkanEndpoints.UNCHANGED, count(results, Outcome.UNCHANGED));
            out.setHeader(SamverkanEndpoints.REFUSED, count(results, Outcome.REFUSED));
        }

        private static int count(List<ImportResult> results, Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }
}
