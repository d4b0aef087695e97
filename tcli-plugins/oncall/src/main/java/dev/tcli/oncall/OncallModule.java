package dev.tcli.oncall;

import dev.tcli.oncall.commands.OncallCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli oncall}: what an engineer does when paged, on PagerDuty or Splunk On-Call. */
public final class OncallModule implements TcliModule {
    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public String description() {
        return "Incidents and on-call rotas on PagerDuty or Splunk On-Call: ack, resolve, who is on call";
    }

    @Override
    public Class<?> command() {
        return OncallCommand.class;
    }
}
