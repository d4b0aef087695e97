package dev.tcli.spi;

import picocli.CommandLine;

/**
 * The whole command tree of this installation, every module attached (built-ins, jar plugins,
 * and each PATH plugin as a leaf that takes any arguments): what a tool needs that describes all
 * of tcli rather than runs one command, such as {@code tcli completion}. A run itself attaches
 * only the module it uses (docs/performance.md), so the command's own {@code CommandSpec} does
 * not have the others.
 *
 * <p>The kernel provides it: {@code ctx.services(CommandTree.class)} has exactly one. Building
 * it instantiates every module and lists the PATH plugins, so ask only when the whole tree is
 * what the command is for.
 */
public interface CommandTree {

    /** A fresh root {@code CommandLine} with every module attached; nothing in it has run. */
    CommandLine root();
}
