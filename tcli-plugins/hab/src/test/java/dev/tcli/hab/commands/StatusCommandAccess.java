package dev.tcli.hab.commands;

/** Test access to package-private helpers of the commands. */
public final class StatusCommandAccess {
    private StatusCommandAccess() {
    }

    public static String elapsed(long seconds) {
        return HabStatusCommand.elapsed(seconds);
    }
}
