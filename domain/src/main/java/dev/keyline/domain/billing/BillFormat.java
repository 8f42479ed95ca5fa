package dev.keyline.domain.billing;

/** The file format of a bill. */
public enum BillFormat {
    /** A printable document. */
    PDF(false),
    /** Comma-separated values. */
    CSV(true),
    /** XML. */
    XML(true),
    /** UN/EDIFACT INVOIC messages. */
    EDIFACT(true);

    private final boolean machineReadable;

    BillFormat(boolean machineReadable) {
        this.machineReadable = machineReadable;
    }

    /**
     * {@return whether a program can read the bill's lines without a person (CSV, XML, EDIFACT)}
     */
    public boolean isMachineReadable() {
        return machineReadable;
    }
}
