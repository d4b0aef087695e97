package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcli.spi.TeamConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Stand-ins for what did not load, so the remaining checks can still be listed. */
final class Empty {
    static final TeamConfig TEAM = new TeamConfig() {
        @Override
        public boolean present() {
            return false;
        }

        @Override
        public Optional<Path> repo() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> file() {
            return Optional.empty();
        }

        @Override
        public JsonNode node() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public String where(String dottedKey) {
            return "tcli-team.toml";
        }
    };

    private Empty() {
    }
}
