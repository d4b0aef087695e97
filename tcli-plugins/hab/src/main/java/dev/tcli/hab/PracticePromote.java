package dev.tcli.hab;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tcli hab promote} under the sandbox: the practice team's packages live in no real Builder, and
 * the sandbox runs no local tool against real infrastructure, so the promotion is emulated. Neither the
 * {@code hab} on PATH nor any {@code HAB_AUTH_TOKEN} is looked at; the output is what {@code hab pkg promote}
 * prints, and the journal marks the entry as emulated.
 */
public final class PracticePromote {
    private PracticePromote() {
    }

    public static int run(ModuleContext ctx, String ident, String channel) {
        ctx.terminal().confirm("Promote " + ident + " to channel " + channel + "?");
        ctx.stdout().println("» Promoting " + ident + " to channel '" + channel + "'");
        ctx.stdout().println("★ Promoted " + ident + " to channel '" + channel + "'");
        ctx.stdout().flush();
        ctx.out().note("sandbox: emulated, nothing was promoted (the local 'hab' was not run and no auth token was read)");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ident", ident);
        details.put("channel", channel);
        details.put("emulated", true);
        ctx.journal().record("hab", "promote", ident, "ok", details);
        return ExitCode.OK;
    }
}
