package dev.tcli.team;

/**
 * One finding of {@code tcli team validate}.
 *
 * @param level {@code error} (fails validation) or {@code warning} (an unknown key: maybe a
 *              newer tcli's, maybe a typo)
 */
public record Problem(String file, int line, String key, String problem, String level) {
    public boolean error() {
        return "error".equals(level);
    }

    /** {@code FILE:LINE: key: problem}, the form editors and CI logs link. */
    @Override
    public String toString() {
        // keys and values come from a file anyone with commit access edits: never raw control characters
        return dev.tcli.spi.output.SafeText.escape(file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + problem
                + (error() ? "" : " (warning)"));
    }
}
