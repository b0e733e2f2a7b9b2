#!/usr/bin/env bash
# CI: every C++ source is clang-format clean (.clang-format, Google base). `make format`
# rewrites them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format > /dev/null || { echo "clang-format ontbreekt (make deps installeert het)"; exit 1; }
mapfile -t files < <(find src bench -name '*.h' -o -name '*.cc' | sort)
# One call for all files (fast); only when it fails, one call per file to name them.
if clang-format --dry-run --Werror "${files[@]}" > /dev/null 2>&1; then
  echo "${#files[@]} bestanden gecontroleerd, 0 niet schoon"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$f" > /dev/null 2>&1; then
    echo "niet clang-format-schoon: $f (make format)"
    bad=$((bad + 1))
  fi
done
echo "${#files[@]} bestanden gecontroleerd, $bad niet schoon"
[ "$bad" -eq 0 ]
