package com.example.tcli.hello;

import dev.tcli.spi.TcliModule;

/**
 * The whole plugin, as tcli sees it: a name, one line for {@code tcli --help}, and the picocli
 * command to run. tcli creates this for every listing, so it stays cheap: no work in
 * constructors or static fields.
 */
public final class HelloJavaModule implements TcliModule {
    @Override
    public String name() {
        return "hello-java";
    }

    @Override
    public String description() {
        return "Example Java plugin: greets whoever is on call";
    }

    @Override
    public Class<?> command() {
        return HelloCommand.class;
    }
}
