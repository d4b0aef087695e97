#!/usr/bin/env bash
# Installs tcli for this user (or under --prefix), building it first when needed:
#   PREFIX/bin/tcli                                   -> PREFIX/lib/tcli/bin/tcli (the launcher)
#   PREFIX/lib/tcli/{bin,lib}                         the distribution
#   PREFIX/share/man/man1/tcli*.1                     one man page per command
#   PREFIX/share/bash-completion/completions/tcli     bash completion (loaded on demand)
#   PREFIX/share/zsh/site-functions/_tcli             zsh completion (add the dir to fpath)
# PREFIX is ~/.local unless --prefix says otherwise. Every file and directory it creates is
# listed in PREFIX/lib/tcli/install-manifest, which scripts/uninstall.sh reads: it removes
# exactly that, plus the startup cache made here.
#
# Options:
#   --prefix DIR   install under DIR instead of ~/.local
#   --no-cache     do not prepare the startup cache now (the first run then starts it)
#   --dist DIR     install this laid-out distribution (e.g. an unpacked tcli-VERSION.tar.gz)
#                  instead of building tcli-dist/target/tcli
set -euo pipefail

usage() { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

prefix="${HOME:?HOME is not set}/.local" cache=1 dist=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --no-cache) cache=0; shift ;;
    --dist) [ $# -ge 2 ] || usage; dist=$2; shift 2 ;;
    --dist=*) dist=${1#*=}; shift ;;
    -h|--help) usage ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
if [ -z "$dist" ]; then
  TCLI_BUILD_ONLY=1 "$root/scripts/tcli"
  dist="$root/tcli-dist/target/tcli"
fi
for need in bin/tcli lib/BUILD_ID man/man1/tcli.1 completion/tcli.bash completion/_tcli; do
  [ -e "$dist/$need" ] || { echo "install.sh: $dist is not a tcli distribution (no $need)" >&2; exit 1; }
done

entries=()
# mkdir -p, remembering each directory it had to create (uninstall removes them when empty).
mkdirs() {
  local d=$1 missing=()
  while [ ! -d "$d" ]; do missing=("$d" "${missing[@]}"); d=$(dirname "$d"); done
  for d in "${missing[@]}"; do mkdir "$d" && entries+=("d $(cd "$d" && pwd -P)"); done
}

case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
# An earlier install here goes first, so that files a newer build no longer has do not linger.
# Directories the earlier install created and that survive it stay on the list.
if [ -f "$prefix/lib/tcli/install-manifest" ]; then
  old_dirs=$(sed -n 's/^d //p' "$prefix/lib/tcli/install-manifest")
  "$root/scripts/uninstall.sh" --prefix "$prefix" --quiet --keep-cache
  while IFS= read -r d; do
    if [ -n "$d" ] && [ -d "$d" ]; then entries+=("d $d"); fi
  done <<<"$old_dirs"
fi
mkdirs "$prefix"
prefix=$(cd "$prefix" && pwd -P)
app="$prefix/lib/tcli"
manifest="$app/install-manifest"
put() { # put SRC DEST MODE
  mkdirs "$(dirname "$2")"
  install -m "$3" "$1" "$2"
  entries+=("f $2")
}

mkdirs "$app"
for f in "$dist"/bin/* ; do put "$f" "$app/bin/${f##*/}" 755; done
for f in "$dist"/lib/* ; do put "$f" "$app/lib/${f##*/}" 644; done
mkdirs "$prefix/bin"
ln -sfn "$app/bin/tcli" "$prefix/bin/tcli"
entries+=("f $prefix/bin/tcli")
pages=0
for f in "$dist"/man/man1/*.1; do put "$f" "$prefix/share/man/man1/${f##*/}" 644; pages=$((pages + 1)); done
put "$dist/completion/tcli.bash" "$prefix/share/bash-completion/completions/tcli" 644
put "$dist/completion/_tcli" "$prefix/share/zsh/site-functions/_tcli" 644
printf '%s\n' "${entries[@]}" >"$manifest"

echo "installed tcli $(sed -n 's/^version=//p' "$app/lib/BUILD_INFO" 2>/dev/null) into $prefix:"
echo "  $prefix/bin/tcli -> $app/bin/tcli"
echo "  $app/{bin,lib}"
echo "  $prefix/share/man/man1/ ($pages man pages, e.g. 'man tcli-oncall-ack')"
echo "  $prefix/share/bash-completion/completions/tcli"
echo "  $prefix/share/zsh/site-functions/_tcli"
echo "  (the list: $manifest; scripts/uninstall.sh${prefix:+ --prefix $prefix} removes it all)"

if [ "$cache" = 1 ]; then
  # The startup cache now rather than after the first run (it trains on a few commands). The
  # cache directories this creates go in the manifest too (removed when empty).
  mkdirs "${XDG_CACHE_HOME:-$HOME/.cache}/tcli"
  printf '%s\n' "${entries[@]}" >"$manifest"
  # four short training runs, 10-30 s on a laptop: say so rather than sit silent
  echo "startup cache: preparing (tcli runs a few commands to train it; 10-30 s)..."
  if state=$(TCLI_STARTUP=prepare "$prefix/bin/tcli" 2>&1); then
    echo "startup cache: $state"
  else
    echo "startup cache: not prepared ($state); tcli runs without it" >&2
  fi
fi

case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it, e.g. in ~/.bashrc: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
# bash loads completions on demand only through the bash-completion package
bc_found=0
for f in /usr/share/bash-completion/bash_completion /etc/bash_completion /usr/local/share/bash-completion/bash_completion \
  /opt/homebrew/etc/profile.d/bash_completion.sh /usr/local/etc/profile.d/bash_completion.sh; do
  [ -r "$f" ] && bc_found=1 && break
done
if [ "$bc_found" = 0 ]; then
  echo "note: bash-completion is not installed, so bash will not load tcli's completion by itself;"
  echo "      install it (e.g. apt-get install bash-completion), or add to ~/.bashrc: source $prefix/share/bash-completion/completions/tcli"
fi
echo "note: for zsh completion add to ~/.zshrc: fpath=($prefix/share/zsh/site-functions \$fpath); autoload -U compinit && compinit"
