package se.samverkan.mail.internal;

import java.time.Duration;

/** {@link MailConfig} checked, in the units the sender works in. */
record MailSettings(String host, int port, String username, String password, boolean starttls, String from,
                    Duration poll, int batchSize, int maxAttempts, Duration retryDelay, Duration timeout,
                    Duration keepSent) {

    /** The longest wait between two attempts, however many there were. */
    static final Duration MAX_DELAY = Duration.ofDays(1);

    MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail: host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail: port " + port + " is no TCP port");
        }
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException("mail: from '" + from + "' is no address");
        }
        if (batchSize < 1 || maxAttempts < 1 || poll.isNegative() || poll.isZero() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("mail: batchSize, maxAttempts and pollSeconds must be positive");
        }
        if (keepSent.isNegative()) {
            throw new IllegalArgumentException("mail: keepSentDays must not be negative");
        }
    }

    static MailSettings of(MailConfig c) {
        return new MailSettings(c.host().strip(), c.port(), c.username().strip(), c.password(), c.starttls(),
                c.from().strip(), Duration.ofSeconds(c.pollSeconds()), c.batchSize(), c.maxAttempts(),
                Duration.ofSeconds(c.retryDelaySeconds()), Duration.ofSeconds(c.timeoutSeconds()),
                Duration.ofDays(c.keepSentDays()));
    }

    /** The wait after the {@code failures}-th failed attempt (1, 2, …): the base delay, doubling. */
    Duration delayAfter(int failures) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The camel-mail endpoint; credentials as RAW values so that no character in them needs escaping. */
    String endpointUri() {
        StringBuilder uri = new StringBuilder("smtp://").append(host).append(':').append(port)
                .append("?connectionTimeout=").append(timeout.toMillis())
                .append("&mail.smtp.localhost=").append(heloName());
        if (!username.isEmpty()) {
            uri.append("&username=RAW(").append(username).append(")");
        }
        if (password != null && !password.isEmpty()) {
            uri.append("&password=RAW(").append(password).append(")");
        }
        if (starttls) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    /**
     * The name the sender greets the server with (EHLO): the domain of the From address. Without it JavaMail
     * looks up this machine's own name for every connection, which is slow and may give a name servers refuse.
     */
    String heloName() {
        String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
        return domain.matches("[A-Za-z0-9.-]+") ? domain : "localhost";
    }

    /** For logs: the endpoint without the password. */
    String safeUri() {
        return endpointUri().replaceAll("password=RAW\\(.*?\\)", "password=***");
    }
}
