package se.samverkan.api.model;

public enum AgreementKind {
    /** Idéburet offentligt partnerskap: a partnership between a public body and a non-profit. */
    IOP,
    GRANT,
    ESF_PROJECT,
    AMIF_PROJECT,
    OTHER
}
