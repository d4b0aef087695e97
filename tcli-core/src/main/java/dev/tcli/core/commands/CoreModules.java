package dev.tcli.core.commands;

import dev.tcli.spi.TcliModule;

/** The kernel's own top-level commands, registered through the same SPI as every module. */
public final class CoreModules {
    private CoreModules() {
    }

    /** {@code tcli plugins}. */
    public static final class Plugins implements TcliModule {
        @Override
        public String name() {
            return "plugins";
        }

        @Override
        public String description() {
            return "List modules and plugins (built-in, jar, PATH) with warnings";
        }

        @Override
        public Class<?> command() {
            return PluginsCommand.class;
        }
    }

    /** {@code tcli config}. */
    public static final class Config implements TcliModule {
        @Override
        public String name() {
            return "config";
        }

        @Override
        public String description() {
            return "Set up, show and list profiles of the personal configuration";
        }

        @Override
        public Class<?> command() {
            return ConfigCommand.class;
        }
    }

    /** {@code tcli completion}. */
    public static final class Completion implements TcliModule {
        @Override
        public String name() {
            return "completion";
        }

        @Override
        public String description() {
            return "Print a bash or zsh completion script";
        }

        @Override
        public Class<?> command() {
            return CompletionCommand.class;
        }
    }

    /** {@code tcli version}. */
    public static final class Version implements TcliModule {
        @Override
        public String name() {
            return "version";
        }

        @Override
        public String description() {
            return "Print tcli's version, build, JDK and startup cache state";
        }

        @Override
        public Class<?> command() {
            return VersionCommand.class;
        }
    }
}
