package dev.tcli.core.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.core.DefaultContext;
import dev.tcli.core.TomlFile;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.ProfileProvider;
import dev.tcli.spi.output.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "profiles", description = "List the profiles: those in the config file, then the built-in ones.",
        footerHeading = "%nExamples:%n", footer = {"  tcli config profiles", "  tcli config profiles -o json"})
public final class ConfigProfilesCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public ConfigProfilesCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** One profile as listed. */
    public record Profile(String name, boolean isDefault, String source, String provider) {
    }

    @Override
    public Integer call() {
        DefaultContext dc = (DefaultContext) ctx;
        TomlFile file = dc.config();
        String def = file == null ? null : file.root().path("default_profile").asText(null);
        List<Profile> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (file != null) {
            file.root().path("profiles").properties().forEach(f -> {
                JsonNode p = f.getValue();
                String ext = p.path("extends").asText(null);
                rows.add(new Profile(f.getKey(), f.getKey().equals(def),
                        file.where("profiles." + f.getKey()) + (ext == null ? "" : " (extends " + ext + ")"),
                        p.path("oncall").path("provider").asText(null)));
                seen.add(f.getKey());
            });
        }
        for (ProfileProvider p : dc.registry().profileProviders()) {
            if (!seen.contains(p.name())) {
                rows.add(new Profile(p.name(), p.name().equals(def), p.description().startsWith("built in") ? p.description() : "built in: " + p.description(), null));
            }
        }
        ctx.out().list(rows, List.of(Column.of("NAME", Profile::name), Column.of("DEFAULT", r -> r.isDefault() ? "*" : ""),
                Column.of("PROVIDER", Profile::provider), Column.dim("SOURCE", Profile::source)));
        return 0;
    }
}
