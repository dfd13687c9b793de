# Sourced by scripts/serve and scripts/test: installs what the project needs, skipping what is
# already there at the right version. Tools go outside the repository, so later runs and
# other clones on the same machine reuse them. Nothing is downloaded except from the Rust
# crate registry, npm and Debian's packages.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="${RTH_TOOLS:-${XDG_DATA_HOME:-$HOME/.local/share}/refresh-token-helper}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
AXE_VERSION=4.14.1
# wasm-bindgen-cli must equal the wasm-bindgen library in Cargo.lock, byte for byte.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")

# Our pinned tools come first, so no other wasm-opt or wasm-bindgen on PATH is picked up.
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
mkdir -p "$TOOLS/bin"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

need_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    # A build tool that mostly runs other programs: a debug build is fast enough, and
    # compiles in half the time.
    say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --debug --root "$TOOLS" --force
  fi
}

need_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Not --locked: its lockfile pins a crate version the registry may lack.
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
  fi
}

need_wasm_opt() {
  if ! "$TOOLS/bin/wasm-opt" --version 2>/dev/null | grep -q "(version_$BINARYEN_VERSION)"; then
    say "Installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    npm install --prefix "$TOOLS/npm" --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION" >&2
    ln -sf "$TOOLS/npm/node_modules/binaryen/bin/wasm-opt" "$TOOLS/bin/wasm-opt"
  fi
}

need_axe() {
  # axe-core, the accessibility engine the end-to-end suite injects into the page.
  local axe="$TOOLS/npm/node_modules/axe-core"
  if [ "$(node -p "require('$axe/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ]; then
    say "Installing axe-core $AXE_VERSION from npm"
    npm install --prefix "$TOOLS/npm" --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION" >&2
  fi
  export RTH_AXE="$axe/axe.min.js"
}

SWA_CLI_VERSION=2.0.10

need_nginx() {
  # The nginx recipe runs under Debian's nginx in the test suite.
  if [ ! -x /usr/sbin/nginx ]; then
    say "Installing nginx from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >&2
  fi
}

need_swa() {
  # Microsoft's Static Web Apps CLI, whose emulator runs the Static Web Apps recipe.
  # --ignore-scripts: its native credential store is for deploying, and cannot build here.
  local swa="$TOOLS/swa/node_modules/@azure/static-web-apps-cli"
  if [ "$(node -p "require('$swa/package.json').version" 2>/dev/null)" != "$SWA_CLI_VERSION" ]; then
    say "Installing the Static Web Apps CLI $SWA_CLI_VERSION from npm"
    npm install --prefix "$TOOLS/swa" --no-save --no-audit --no-fund --ignore-scripts \
      "@azure/static-web-apps-cli@$SWA_CLI_VERSION" >&2
  fi
  export RTH_SWA="$TOOLS/swa/node_modules/.bin/swa"
}

need_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
  fi
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

need_build_tools() {
  need_wasm_target
  need_trunk
  need_wasm_bindgen
  need_wasm_opt
}
