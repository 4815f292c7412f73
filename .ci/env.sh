# Sourced by .ci/* scripts: puts Node >= 22.12 (fetching Node 24 from the npm registry when the
# machine's Node is older) and the pinned pnpm on PATH. Idempotent and quiet when all is present.
# shellcheck shell=bash
MCP_NODE_VERSION="${MCP_NODE_VERSION:-24.21.0}"
MCP_TOOLCHAIN_DIR="${MCP_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mcp-fr-toolchain}"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MCP_PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9.]*\)".*/\1/p' "$_repo_root/package.json")"

_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _node_ok; then
  _node_dir="$MCP_TOOLCHAIN_DIR/node-$MCP_NODE_VERSION"
  if [ ! -x "$_node_dir/bin/node" ]; then
    echo "[env] fetching Node $MCP_NODE_VERSION from the npm registry into $_node_dir" >&2
    _tmp="$(mktemp -d)"
    # The platform package ships the real binary; `node@24` only picks it at install time.
    case "$(uname -m)" in
      x86_64) _plat=linux-x64 ;; aarch64) _plat=linux-arm64 ;; *) echo "[env] unsupported arch" >&2; return 1 ;;
    esac
    (cd "$_tmp" && npm pack --silent "node-$_plat@$MCP_NODE_VERSION" >/dev/null) || { echo "[env] npm pack node-$_plat failed" >&2; return 1; }
    mkdir -p "$_node_dir"
    tar -xzf "$_tmp"/node-"$_plat"-*.tgz -C "$_node_dir" --strip-components=1
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
unset _repo_root _node_dir _tmp _plat _pnpm_dir
