package dev.tcli.core.startup;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * A module's picocli tree for one run. {@code tcli oncall incidents} needs the {@code oncall}
 * command and its {@code incidents} subject, not the other fourteen verbs, each of which picocli
 * would instantiate and reflect (~25 ms of the sandbox incidents). When the word after the module
 * name is one of its subcommands, the module's command is built from its {@code @Command}
 * attributes without the subcommand list and only that subcommand (with its own full subtree:
 * {@code status incident create}) is attached. Parsing, errors and help of that subcommand are
 * picocli's, as with the full tree.
 *
 * <p>Everything else gets the full tree, so that what lists or suggests the module's verbs stays
 * exactly as it was: {@code tcli oncall}, {@code tcli oncall --help}, a typo'd verb (did you mean),
 * options between the module and the verb, a {@code --help} before the module, and any module
 * command this shortcut does not model (options or other picocli members of its own, a superclass,
 * a resource bundle, a version provider, a model transformer, repeatable subcommands, a help
 * subcommand, a {@code @ParentCommand}). Completion and man pages use {@code Tcli.fullTree}.
 */
public final class ModuleTree {
    private ModuleTree() {
    }

    /**
     * @param rest the module name and everything after it, as the first scan found them
     * @param helpBeforeModule {@code --help} came before the module name
     */
    public static CommandLine build(Class<?> module, List<String> rest, boolean helpBeforeModule, CommandLine.IFactory factory) {
        if (rest.size() > 1 && !helpBeforeModule) {
            CommandLine one = withOnly(module, rest.get(1), factory);
            if (one != null) {
                return one;
            }
        }
        return new CommandLine(module, factory);
    }

    /** The module's command with just the subcommand {@code word} names, or null to build the full tree. */
    public static CommandLine withOnly(Class<?> module, String word, CommandLine.IFactory factory) {
        Command cmd = module.getAnnotation(Command.class);
        if (cmd == null || cmd.subcommands().length == 0 || word.startsWith("-") || !plain(module, cmd)) {
            return null;
        }
        Class<?> verb = null;
        for (Class<?> sub : cmd.subcommands()) {
            Command sc = sub.getAnnotation(Command.class);
            if (sc == null || sc.helpCommand() || CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(sub)
                    || sc.name().contains("${")) {
                return null;   // picocli's own error, or a help command that lists its siblings
            }
            if (verb == null && (sc.name().equals(word) || List.of(sc.aliases()).contains(word))) {
                verb = sub;
            }
        }
        if (verb == null || hasParentCommand(verb)) {
            return null;
        }
        Object user;
        try {
            user = factory.create(module);
        } catch (Exception e) {
            return null;   // the full tree reports it the way it always has
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(user, factory);
        spec.updateCommandAttributes(cmd, factory);
        spec.mixinStandardHelpOptions(cmd.mixinStandardHelpOptions());
        CommandLine line = new CommandLine(spec, factory);
        CommandLine sub = new CommandLine(verb, factory);
        for (CommandSpec mixin : sub.getCommandSpec().mixins().values()) {
            if (mixin.userObject() != null && hasParentCommand(mixin.userObject().getClass())) {
                return null;
            }
        }
        line.addSubcommand(sub.getCommandSpec().name(), sub);
        return line;
    }

    /** Nothing on the module's command but the {@code @Command} attributes this class copies. */
    private static boolean plain(Class<?> module, Command cmd) {
        if (module.getSuperclass() != Object.class || !cmd.resourceBundle().isEmpty()
                || cmd.versionProvider().getEnclosingClass() != CommandLine.class      // picocli's private "none"
                || cmd.modelTransformer().getEnclosingClass() != CommandLine.class
                || cmd.subcommandsRepeatable()) {
            return false;
        }
        for (Field f : module.getDeclaredFields()) {
            if (picocli(f)) {
                return false;
            }
        }
        for (java.lang.reflect.Method m : module.getDeclaredMethods()) {
            if (picocli(m)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasParentCommand(Class<?> cls) {
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.ParentCommand.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean picocli(AnnotatedElement e) {
        for (Annotation a : e.getDeclaredAnnotations()) {
            if (a.annotationType().getName().startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
