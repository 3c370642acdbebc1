package dev.userprofile.application.port.in;

/** Whoever started a reconcile agrees, or not, to erase the orphans it found, once their number is known. */
@FunctionalInterface
public interface ErasureApproval {

    /** Erase whatever the guard lets through (a schedule, or an operator who said yes in advance). */
    ErasureApproval ALWAYS = orphans -> true;

    boolean approve(int orphans);
}
