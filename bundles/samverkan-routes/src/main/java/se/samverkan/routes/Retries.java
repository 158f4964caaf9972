package se.samverkan.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * How the platform's routes that read a source retry it: the failure is redelivered {@code retries} times with
 * doubling delays from {@code firstDelaySeconds}, then handled and logged once, so the route keeps running.
 */
public final class Retries {

    private Retries() {
    }

    /**
     * @param attemptLevel the level of the log line each failed attempt writes
     * @param failedLevel  the level of the line written when the last attempt failed
     * @param failed       that line; Camel's simple language, e.g. {@code ${exception.message}}
     */
    public static void withDoublingDelays(RouteBuilder routes, Class<? extends Throwable> failure, int retries,
                                          long firstDelaySeconds, LoggingLevel attemptLevel, LoggingLevel failedLevel,
                                          String failed) {
        routes.onException(failure)
                .maximumRedeliveries(retries)
                .redeliveryDelay(firstDelaySeconds * 1000)
                .useExponentialBackOff().backOffMultiplier(2)
                .retryAttemptedLogLevel(attemptLevel)
                .handled(true)
                .log(failedLevel, failed);
    }
}
