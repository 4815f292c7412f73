#!/usr/bin/env bash
# Prints the bin folder of a given Node version, fetched from the npm registry (the platform package
# node-<os>-<arch>@<version> ships the real binary) into the toolchain cache that .ci/env.sh uses.
# Usage: bash .ci/node.sh 22.23.5   → /…/mcp-fr-toolchain/node-22.23.5/bin
# The tarball test runs the published packages on every Node line the engines field promises.
set -euo pipefail
version="${1:?usage: .ci/node.sh <version>}"
toolchain="${MCP_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mcp-fr-toolchain}"
dir="$toolchain/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "[node.sh] unsupported OS" >&2; exit 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "[node.sh] unsupported arch" >&2; exit 1 ;; esac
  echo "[node.sh] fetching Node $version ($os-$arch) from the npm registry into $dir" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-$os-$arch@$version" >/dev/null)
  mkdir -p "$tmp/x"
  tar -xzf "$tmp"/node-"$os"-"$arch"-*.tgz -C "$tmp/x" --strip-components=1
  mkdir -p "$toolchain"
  # Whole folder at once, so that a concurrent run never sees half a Node.
  rm -rf "$dir" && mv "$tmp/x" "$dir"
fi
echo "$dir/bin"
