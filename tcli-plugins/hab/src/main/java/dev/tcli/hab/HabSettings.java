package dev.tcli.hab;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.time.Duration;

/**
 * {@code [profiles.P.hab]}: parallel (SSH connections set up at once, default 8; see {@link Fleet}), gateway (use the
 * supervisor's HTTP gateway, default true), gateway_timeout (5s), gateway_token (secret), command_timeout (60s),
 * restart_timeout (2m), poll_interval (2s).
 */
public record HabSettings(int parallel, boolean gateway, Duration gatewayTimeout, Duration commandTimeout, Duration restartTimeout,
                          Duration pollInterval) {

    public static HabSettings of(ModuleContext ctx) {
        var s = ctx.settings("hab");
        int parallel = s.integer("parallel").orElse(8);
        if (parallel < 1) {
            throw TcliException.config("parallel must be at least 1 (" + s.where("parallel") + ")");
        }
        return new HabSettings(parallel, s.bool("gateway").orElse(true), s.duration("gateway_timeout").orElse(Duration.ofSeconds(5)),
                s.duration("command_timeout").orElse(Duration.ofSeconds(60)),
                s.duration("restart_timeout").orElse(Duration.ofMinutes(2)),
                s.duration("poll_interval").orElse(Duration.ofSeconds(2)));
    }

    public HabSettings withParallel(Integer p) {
        return p == null ? this : new HabSettings(p, gateway, gatewayTimeout, commandTimeout, restartTimeout, pollInterval);
    }
}
