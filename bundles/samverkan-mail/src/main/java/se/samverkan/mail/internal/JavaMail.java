package se.samverkan.mail.internal;

import javax.mail.Session;

/** JavaMail finds its content handlers (META-INF/mailcap) through the context class loader, which in OSGi is ours. */
final class JavaMail {

    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private JavaMail() {
    }

    static <T, E extends Exception> T withContentHandlers(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
