package dev.tcli.core.commands;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.SetupQuestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The modules' part of {@code tcli config init}: every installed {@link SetupQuestions}, in their
 * order, asking through one {@link SetupQuestions.Setup} that collects the profile's tables.
 */
final class ConfigSetup implements SetupQuestions.Setup {
    /** How the command answers a question: the flag's value, the terminal, or the fallback. */
    interface Asker {
        String value(String given, String question, String fallback);
    }

    private final CommandSpec spec;
    private final Asker asker;
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

    ConfigSetup(CommandSpec spec, Asker asker) {
        this.spec = spec;
        this.asker = asker;
    }

    /** The contributors, lowest {@link SetupQuestions#order()} first, then by class name. */
    static List<SetupQuestions> contributors(ModuleContext ctx) {
        List<SetupQuestions> all = new ArrayList<>(ctx.services(SetupQuestions.class));
        all.sort(Comparator.comparingInt(SetupQuestions::order).thenComparing(q -> q.getClass().getName()));
        return all;
    }

    /** Asks every contributor's questions; returns the tables their answers fill, in the order they were filled. */
    Map<String, Map<String, String>> askAll(List<SetupQuestions> contributors) {
        for (SetupQuestions q : contributors) {
            q.ask(this);
        }
        return tables;
    }

    @Override
    public String answer(String flag, String question, String fallback) {
        OptionSpec option = spec.findOption(flag);
        return asker.value(option == null ? null : option.getValue(), question, fallback);
    }

    @Override
    public void put(String table, String key, String value) {
        if (value != null && !value.isBlank()) {
            tables.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(key, value);
        }
    }

    @Override
    public boolean has(String table) {
        return tables.containsKey(table);
    }

    /**
     * Adds the contributors' flags to {@code config init} before the command line is parsed (a
     * picocli model transformer, made by the kernel's factory with the context). A flag that is
     * already there (the core's, or an earlier contributor's) is left as it is.
     */
    static final class Flags implements IModelTransformer {
        private final ModuleContext ctx;

        Flags(ModuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (SetupQuestions q : contributors(ctx)) {
                for (SetupQuestions.Flag f : q.flags()) {
                    if (spec.findOption(f.name()) == null) {
                        spec.addOption(OptionSpec.builder(f.name()).paramLabel(f.paramLabel()).type(String.class)
                                .description(f.description()).build());
                    }
                }
            }
            return spec;
        }
    }
}
