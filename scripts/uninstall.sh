#!/usr/bin/env bash
# Removes what scripts/install.sh installed under PREFIX (~/.local unless --prefix): exactly the
# files and directories in PREFIX/lib/tcli/install-manifest (a directory only when it is empty),
# and the startup cache and help text tcli made for that install in ${XDG_CACHE_HOME:-~/.cache}/tcli.
# Your configuration (~/.config/tcli) and data (~/.local/share/tcli) are left alone.
#
# Options:
#   --prefix DIR   the prefix given to install.sh
#   --quiet        say nothing but errors
#   --keep-cache   leave the startup cache (install.sh uses it when upgrading in place)
set -euo pipefail

usage() { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

prefix="${HOME:?HOME is not set}/.local" quiet=0 keep_cache=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --quiet) quiet=1; shift ;;
    --keep-cache) keep_cache=1; shift ;;
    -h|--help) usage ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; usage ;;
  esac
done
say() { [ "$quiet" = 1 ] || echo "$@"; }

if [ ! -d "$prefix" ]; then
  echo "uninstall.sh: no tcli installed under $prefix (no such directory)" >&2
  exit 1
fi
prefix=$(cd "$prefix" && pwd -P)
app="$prefix/lib/tcli"
manifest="$app/install-manifest"
if [ ! -f "$manifest" ]; then
  echo "uninstall.sh: no tcli installed under $prefix (no $manifest)" >&2
  exit 1
fi

build_id=""
[ -r "$app/lib/BUILD_ID" ] && read -r build_id <"$app/lib/BUILD_ID"
files=0 dirs=()
while IFS=' ' read -r kind path; do
  case "$kind" in
    f) if [ -e "$path" ] || [ -L "$path" ]; then rm -f "$path"; files=$((files + 1)); fi ;;
    d) dirs=("$path" "${dirs[@]}") ;;   # deepest first
  esac
done <"$manifest"
rm -f "$manifest"

if [ "$keep_cache" = 0 ]; then
  # The launcher's key for this install: its home with / as _ (see bin/tcli).
  cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/tcli"
  startup="$cache_root/startup/${app//\//_}"
  if [ -d "$startup" ]; then
    rm -rf "$startup"
    say "removed the startup cache $startup"
  fi
  # tcli --help's text for this build (RootHelp keeps one per build and width).
  if [ -n "$build_id" ]; then
    rm -f "$cache_root/help/help-$build_id-"*.txt
    rmdir "$cache_root/help" 2>/dev/null || true
  fi
  # The launcher's JDK choice, when no other install is left to use it; then the cache
  # directories themselves when nothing else is in them (the launcher made them).
  if [ ! -d "$cache_root/startup" ] || rmdir "$cache_root/startup" 2>/dev/null; then
    rm -f "$cache_root/jdk"
    rmdir "$cache_root" 2>/dev/null && [ -z "${XDG_CACHE_HOME:-}" ] && rmdir "$HOME/.cache" 2>/dev/null
  fi
fi

for d in "${dirs[@]}"; do rmdir "$d" 2>/dev/null || true; done
say "removed tcli from $prefix: $files files and the directories install.sh created (those now empty)"
if [ -d "$app" ]; then say "note: $app is not empty (files added after install); left in place"; fi
