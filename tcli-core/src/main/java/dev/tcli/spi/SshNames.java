package dev.tcli.spi;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one set of rules for what a team file (or an {@code inventory_cmd}) may give to ssh:
 * node and environment names, hosts and users. {@code tcli team validate} reports a broken rule
 * as an error with FILE:LINE; the ssh module (and hab and onboard through it) refuses the entry
 * with exit 3. Why: a name becomes an ssh {@code Host} alias ({@code *} would match every
 * connection the user makes), a host and a user reach a ProxyCommand that ssh runs through the
 * shell, and a leading {@code -} would be read as an option.
 */
public final class SshNames {
    /** Node and environment names: never ssh pattern characters ({@code * ? ! ,}) or blanks. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** A DNS name: labels of letters, digits, '-' and '_' (used in internal zones), dot-separated. */
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** POSIX portable user names (letters, digits, '.', '_', '-'), never starting with '-'. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");

    public static final String NAME_RULE = "letters, digits, '.', '_' and '-' only, not starting with '-'";
    public static final String HOST_RULE = "a hostname, an IPv4 address or an IPv6 literal";
    public static final String USER_RULE = "a user name of letters, digits, '.', '_' and '-', not starting with '-'";

    private SshNames() {
    }

    /** Why {@code name} cannot be a node or environment name, or empty when it can. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.length() > 128 || !NAME.matcher(name).matches() || name.startsWith("-")) {
            return Optional.of("'" + dev.tcli.spi.output.SafeText.escape(name) + "' is not a usable name (" + NAME_RULE + ")");
        }
        return Optional.empty();
    }

    /** Why {@code host} cannot be given to ssh as a host name, or empty when it can. */
    public static Optional<String> hostProblem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("is empty");
        }
        if (host.length() <= 253 && (IPV4.matcher(host).matches() || ipv6(host)
                || (HOSTNAME.matcher(host).matches() && !host.startsWith("-")))) {
            return Optional.empty();
        }
        return Optional.of("'" + dev.tcli.spi.output.SafeText.escape(host) + "' is not " + HOST_RULE);
    }

    /** Why {@code user} cannot be given to ssh as a login name, or empty when it can. */
    public static Optional<String> userProblem(String user) {
        if (user == null || user.isEmpty()) {
            return Optional.of("is empty");
        }
        if (!USER.matcher(user).matches()) {
            return Optional.of("'" + dev.tcli.spi.output.SafeText.escape(user) + "' is not " + USER_RULE);
        }
        return Optional.empty();
    }

    /**
     * An IPv6 literal as ssh takes it: hex groups and colons (one {@code ::} at most), an
     * optional trailing IPv4 part; no brackets, no zone id ({@code %} is a token in ssh_config).
     */
    static boolean ipv6(String s) {
        if (s.length() < 2 || s.length() > 45 || !s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String body = s;
        int groupsNeeded = 8;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') >= 0) {
            String v4 = s.substring(lastColon + 1);
            if (!IPV4.matcher(v4).matches()) {
                return false;
            }
            body = s.substring(0, lastColon + 1) + "0";
            groupsNeeded = 7;
        }
        int tail = groupsNeeded == 7 ? 1 : 0; // an IPv4 tail is two groups: its "0" placeholder plus this one
        if (dbl < 0) {
            int g = groups(body);
            return g >= 0 && g + tail == 8;
        }
        int dblAt = body.indexOf("::");
        int left = groups(body.substring(0, dblAt));
        int right = groups(body.substring(dblAt + 2));
        return left >= 0 && right >= 0 && left + right + tail < 8;
    }

    /** The number of 1-4 digit hex groups in a colon-separated run ("" has none), -1 when malformed. */
    private static int groups(String run) {
        if (run.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String p : run.split(":", -1)) {
            if (p.isEmpty() || p.length() > 4 || p.contains(".")) {
                return -1;
            }
            n++;
        }
        return n;
    }
}
