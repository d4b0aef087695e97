package dev.tcli.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * The bash (and, through bashcompinit, zsh) completion script, generated from the live command
 * tree. Unlike picocli's generator it reads the line as tcli does: global options and their
 * values may come anywhere ({@code tcli --profile sandbox onc<TAB>}, {@code tcli -v onc<TAB>}),
 * their values complete (profile names from the config file, formats in lower case, files for
 * files), and exec plugins ({@code tcli-NAME} on PATH) are offered next to the modules at the
 * time of the TAB, so an installed script stays right when plugins come and go.
 */
public final class BashCompletion {
    private BashCompletion() {
    }

    /** The script for {@code root} (every module attached, see {@link Tcli#fullTree}). */
    public static String bash(CommandLine root) {
        Map<String, CommandLine> paths = new LinkedHashMap<>();
        walk("", root, paths);
        CommandSpec rootSpec = root.getCommandSpec();
        StringBuilder sb = new StringBuilder();
        sb.append("# tcli completion for bash (and zsh through bashcompinit), generated from tcli's command tree.\n");
        sb.append("# Global options may come anywhere; their values complete: profiles, formats, files.\n\n");
        sb.append("_tcli_global_flags=").append(quote(String.join(" ", names(rootSpec, false)))).append('\n');
        sb.append("_tcli_global_valued=").append(quote(String.join(" ", names(rootSpec, true)))).append("\n\n");

        sb.append("# the subcommands of a command path\n_tcli_commands() {\n  case \"$1\" in\n");
        for (var e : paths.entrySet()) {
            Set<String> subs = new LinkedHashSet<>();
            for (var s : e.getValue().getSubcommands().entrySet()) {
                if (!s.getValue().getCommandSpec().usageMessage().hidden()) {
                    subs.add(s.getKey());
                }
            }
            if (!subs.isEmpty()) {
                sb.append("    ").append(quote(e.getKey())).append(") echo ").append(quote(String.join(" ", subs))).append(" ;;\n");
            }
        }
        sb.append("  esac\n}\n\n");

        sb.append("# a command's own options: flags, then options that take a value\n_tcli_flags() {\n  case \"$1\" in\n");
        StringBuilder valued = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (var e : paths.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            CommandSpec spec = e.getValue().getCommandSpec();
            List<String> flags = names(spec, false);
            List<String> takes = names(spec, true);
            if (!flags.isEmpty()) {
                sb.append("    ").append(quote(e.getKey())).append(") echo ").append(quote(String.join(" ", flags))).append(" ;;\n");
            }
            if (!takes.isEmpty()) {
                valued.append("    ").append(quote(e.getKey())).append(") echo ").append(quote(String.join(" ", takes))).append(" ;;\n");
            }
            for (OptionSpec o : spec.options()) {
                if (o.inherited() || o.hidden() || o.arity().max() == 0) {
                    continue;
                }
                String v = valueWords(o.completionCandidates(), o.type(), o.paramLabel());
                if (v != null) {
                    for (String n : o.names()) {
                        values.append("    ").append(quote(e.getKey() + " " + n)).append(") echo ").append(v).append(" ;;\n");
                    }
                }
            }
            List<String> positional = new ArrayList<>();
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String v = valueWords(p.completionCandidates(), p.type(), p.paramLabel());
                if (v != null && !v.equals("@files")) {
                    positional.add(v);
                }
            }
            if (!positional.isEmpty()) {
                values.append("    ").append(quote(e.getKey() + " @")).append(") echo ").append(positional.get(0)).append(" ;;\n");
            }
        }
        sb.append("  esac\n}\n\n_tcli_valued() {\n  case \"$1\" in\n").append(valued).append("  esac\n}\n\n");
        sb.append("# what an option's value (or a command's argument, \"PATH @\") may be; @files: file names\n");
        sb.append("_tcli_values() {\n  case \"$1\" in\n").append(values).append("  esac\n}\n\n");
        sb.append(FUNCTION);
        return sb.toString();
    }

    /** zsh: the same script through zsh's bash-completion emulation. */
    public static String zsh(CommandLine root) {
        return "#compdef tcli\nautoload -U +X bashcompinit && bashcompinit\n" + bash(root);
    }

    private static void walk(String path, CommandLine cl, Map<String, CommandLine> paths) {
        paths.put(path, cl);
        for (var s : cl.getSubcommands().entrySet()) {
            // aliases share the CommandLine: one entry per name keeps lookups simple
            walk(path.isEmpty() ? s.getKey() : path + " " + s.getKey(), s.getValue(), paths);
        }
    }

    /** A command's own (not inherited) option names: flags or, with {@code valued}, those taking a value. */
    private static List<String> names(CommandSpec spec, boolean valued) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if ((o.inherited() && spec.parent() != null) || o.hidden()) {
                continue;
            }
            if ((o.arity().max() > 0) == valued) {
                out.addAll(List.of(o.names()));
            }
        }
        return out;
    }

    /** Shell words for a value: picocli's candidates or an enum's constants (lower case), or @files for paths. */
    private static String valueWords(Iterable<String> candidates, Class<?> type, String label) {
        Set<String> words = new LinkedHashSet<>();
        if (type != null && type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                words.add(c.toString().toLowerCase(Locale.ROOT));
            }
        } else if (candidates != null) {
            candidates.forEach(words::add);
        }
        if (!words.isEmpty()) {
            return quote(String.join(" ", words));
        }
        if (type == Path.class || type == java.io.File.class || "FILE".equals(label) || "DIR".equals(label)) {
            return "@files";
        }
        return null;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String FUNCTION = """
            # profile names: the built-in sandbox and every [profiles.NAME] of the config file
            _tcli_profiles() {
              local file=${_tcli_config:-${TCLI_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/tcli/config.toml}}
              echo sandbox
              [ -r "$file" ] && sed -n 's/^[[:space:]]*\\[profiles\\.\\([A-Za-z0-9_-]*\\)\\][[:space:]]*$/\\1/p' "$file" 2>/dev/null
            }

            _tcli() {
              local cur=${COMP_WORDS[COMP_CWORD]} path="" want="" w i subs
              _tcli_config=""
              COMPREPLY=()
              # Read the line as tcli does: global options (and their values) anywhere, the rest a
              # command path of modules and verbs, then the verb's options and arguments.
              for ((i = 1; i < COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                if [ -n "$want" ]; then
                  [ "$want" = --config ] && _tcli_config=$w
                  want=""
                  continue
                fi
                case " $_tcli_global_valued $(_tcli_valued "$path") " in
                  *" $w "*) want=$w; continue ;;
                esac
                case "$w" in -*) continue ;; esac
                subs=" $(_tcli_commands "$path") "
                case "$subs" in *" $w "*) path="${path:+$path }$w" ;; esac
              done
              if [ -n "$want" ]; then
                local values
                case "$want" in
                  --profile) values=$(_tcli_profiles) ;;
                  -o|--output) values="table json jsonl csv" ;;
                  --config) values=@files ;;
                  *) values=$(_tcli_values "$path $want") ;;
                esac
                if [ "$values" = @files ] || [ -z "$values" ]; then
                  type compopt >/dev/null 2>&1 && compopt -o filenames
                  COMPREPLY=($(compgen -f -- "$cur"))
                else
                  COMPREPLY=($(compgen -W "$values" -- "$cur"))
                fi
                return 0
              fi
              if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$_tcli_global_flags $_tcli_global_valued $(_tcli_flags "$path") $(_tcli_valued "$path")" -- "$cur"))
                return 0
              fi
              subs=$(_tcli_commands "$path")
              if [ -z "$path" ]; then
                # exec plugins as they are on PATH now
                local p
                for p in $(compgen -c -- "tcli-$cur"); do subs+=" ${p#tcli-}"; done
              fi
              if [ -n "$subs" ]; then
                COMPREPLY=($(compgen -W "$subs" -- "$cur"))
              else
                local values
                values=$(_tcli_values "$path @")
                [ -n "$values" ] && COMPREPLY=($(compgen -W "$values" -- "$cur"))
              fi
              return 0
            }

            complete -F _tcli tcli
            """;
}
