package se.samverkan.api.service;

/**
 * A write based on a version of the record that is no longer the stored one: someone else wrote it since.
 * Nothing is written; read the record again and apply the change to what is stored now.
 */
public class StaleVersionException extends SamverkanException {

    public StaleVersionException(String kind, String id, long expected, Long stored) {
        super("The " + kind + " '" + id + "' was changed by someone else: you have version " + expected
                + (stored == null ? "" : ", the stored one is " + stored)
                + "; read it again and apply your change to that");
    }

    /** A write that met another one at the database: the other was committed first. */
    public StaleVersionException(String kind, String id) {
        super("The " + kind + " '" + id + "' was changed by someone else while this write ran; read it again and "
                + "apply your change to that");
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String title() {
        return "Precondition Failed";
    }
}
