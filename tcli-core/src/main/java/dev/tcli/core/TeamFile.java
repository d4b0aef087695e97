package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcli.spi.TeamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code tcli-team.toml} in the team's control repo. */
final class TeamFile implements TeamConfig {
    static final String FILE_NAME = "tcli-team.toml";

    private final Path repo;
    private final TomlFile toml;
    private final String source;

    private TeamFile(Path repo, TomlFile toml, String source) {
        this.repo = repo;
        this.toml = toml;
        this.source = source;
    }

    static TeamFile none() {
        return new TeamFile(null, null, "");
    }

    /** Reads the team file of a repo; a repo without one reads as empty (team validate says so). */
    static TeamFile of(Path repo, String source) {
        Path file = repo.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new TeamFile(repo, null, source);
        }
        return new TeamFile(repo, TomlFile.read(file, file.toString()), source);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String whyAbsent() {
        if (repo == null) {
            return TeamConfig.super.whyAbsent();
        }
        if (!Files.isDirectory(repo)) {
            return "the team repo " + repo + " (" + source + ") is configured but missing: clone the team's control repo there, "
                    + "or change " + source;
        }
        return "the team repo " + repo + " (" + source + ") has no " + FILE_NAME + ": check out the team's control repo there "
                + "('tcli team validate' says what the file needs)";
    }

    @Override
    public boolean present() {
        return toml != null;
    }

    @Override
    public Optional<Path> repo() {
        return Optional.ofNullable(repo);
    }

    @Override
    public Optional<Path> file() {
        return repo == null ? Optional.empty() : Optional.of(repo.resolve(FILE_NAME));
    }

    @Override
    public JsonNode node() {
        return toml == null ? JsonNodeFactory.instance.objectNode() : toml.root();
    }

    @Override
    public String where(String dottedKey) {
        return toml == null ? FILE_NAME : toml.where(dottedKey);
    }
}
