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

# rust-toolchain.toml pins the compiler, so one commit builds to the same bytes everywhere.
RUST_VERSION=$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$ROOT/rust-toolchain.toml")

need_toolchain() {
  # Asked from / so that the pin itself does not send rustup looking for it.
  if (cd / && rustup run "$RUST_VERSION" rustc --version) >/dev/null 2>&1; then
    return
  fi
  local stable home
  stable=$(cd / && rustup run stable rustc --version 2>/dev/null | awk '{print $2}')
  home="${RUSTUP_HOME:-$HOME/.rustup}"
  if [ "$stable" = "$RUST_VERSION" ] && [ -d "$home/toolchains/stable-$(uname -m)-unknown-linux-gnu" ]; then
    # The installed stable is the pinned release: give it the pinned name, nothing to fetch.
    say "Naming the installed stable Rust $RUST_VERSION as the pinned toolchain"
    ln -s "$home/toolchains/stable-$(uname -m)-unknown-linux-gnu" \
      "$home/toolchains/$RUST_VERSION-$(uname -m)-unknown-linux-gnu"
    return
  fi
  echo "This project builds with Rust $RUST_VERSION (rust-toolchain.toml), which is not installed${stable:+ (stable is $stable)}." >&2
  echo "Install it, then run this again:" >&2
  echo "  rustup toolchain install $RUST_VERSION --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown" >&2
  exit 1
}

need_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

need_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    # A build tool that mostly runs other programs: a debug build without debug info is fast
    # enough, and compiles in a third of the time a release build takes. Without its default
    # features: no TLS (it serves on loopback and downloads nothing, `offline = true`) and no
    # update check.
    say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
    CARGO_PROFILE_DEV_DEBUG=0 cargo install trunk --version "$TRUNK_VERSION" --locked --debug \
      --no-default-features --root "$TOOLS" --force
  fi
}

need_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Not --locked: its lockfile pins a crate version the registry may lack. A debug build
    # without debug info: it compiles in under a minute instead of nearly three, writes the
    # same files, and takes about 3 s instead of 1 s on a test's wasm. Without its default
    # features: no TLS (its test runner only talks to the ChromeDriver on loopback), so no
    # rustls and no ring to compile.
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a minute, once)"
    CARGO_PROFILE_DEV_DEBUG=0 cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
      --debug --no-default-features --root "$TOOLS" --force
  fi
}

WASM_SPLIT_VERSION=0.2.4

need_wasm_split() {
  # wasm-split, which cuts the release build into the modules src/ui/parts.rs names; its
  # loader matches the wasm_split_helpers in Cargo.lock (leptos's, 0.2).
  # It prints no version; cargo's record of what it installed says which.
  if ! [ -x "$TOOLS/bin/wasm-split-cli" ] ||
     ! grep -q "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "$TOOLS/.crates.toml" 2>/dev/null; then
    # A debug build without debug info, as for wasm-bindgen: the same output, a third of the
    # compile time.
    say "Installing wasm-split $WASM_SPLIT_VERSION (a minute, once)"
    CARGO_PROFILE_DEV_DEBUG=0 cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
      --features build-binary --locked --debug --root "$TOOLS" --force
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
  # The nginx recipe runs under Debian's nginx in the test suite, with the module that sends
  # the precompressed Brotli copies.
  if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    say "Installing nginx and its Brotli module from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light \
      libnginx-mod-http-brotli-static >&2
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

# One crate of the page (wasm_split_helpers, which leptos depends on) names itself in the wasm
# with a hash of its manifest's absolute path, in cargo's home, where no path remapping reaches.
# So release builds reach cargo's home through a link whose path is the same on every machine.
# (Tests point it elsewhere with RTH_STABLE_CARGO_HOME.)
STABLE_CARGO_HOME="${RTH_STABLE_CARGO_HOME:-/tmp/refresh-token-helper-cargo-home}"

stable_cargo_home() {
  local real
  real=$(cd "$1" && pwd -P)
  if [ -e "$STABLE_CARGO_HOME" ] || [ -L "$STABLE_CARGO_HOME" ]; then
    # Only a link of this user's may be reused: anyone could have put another one there.
    if ! [ -L "$STABLE_CARGO_HOME" ] || [ "$(stat -c %u "$STABLE_CARGO_HOME")" != "$(id -u)" ]; then
      in_the_way
    fi
  fi
  place_link "$real" "$STABLE_CARGO_HOME"
  export CARGO_HOME="$STABLE_CARGO_HOME"
}

in_the_way() {
  echo "$STABLE_CARGO_HOME is in the way of the release build (it must be a link of yours to cargo's home); remove it and run this again." >&2
  exit 1
}

# Puts a link at $2 to $1, or stops. Made in a fresh folder beside it and renamed into place:
# between the check above and this, anyone may create a directory at $2, and `ln -sfn` would
# then put the link inside it and succeed; a rename onto a directory fails instead. Then the
# link is checked: a link, this user's, to $1.
place_link() {
  local made
  made=$(mktemp -d "$(dirname "$2")/.rth-link.XXXXXX")
  ln -s "$1" "$made/link"
  if ! mv -T "$made/link" "$2" 2>/dev/null; then
    rm -rf "$made"
    in_the_way
  fi
  rmdir "$made"
  if ! [ -L "$2" ] || [ "$(stat -c %u "$2")" != "$(id -u)" ] || [ "$(readlink "$2")" != "$1" ]; then
    in_the_way
  fi
}

# The flags of a release build: the target's own from .cargo/config.toml (a variable replaces
# them, so they are carried along), and path remapping, so that the wasm names no path of this
# machine (panic locations name source files): cargo's home becomes /cargo, this checkout /src
# and the target folder /target. The last matching prefix wins in rustc, hence the order.
release_env() {
  local home target flags
  home="${CARGO_HOME:-$HOME/.cargo}"
  stable_cargo_home "$home"
  home="$CARGO_HOME"
  target="${CARGO_TARGET_DIR:-$ROOT/target}"
  flags=$(python3 -c 'import sys, tomllib
config = tomllib.load(open(sys.argv[1], "rb"))
print("\x1f".join(config["target"]["wasm32-unknown-unknown"]["rustflags"]))' "$ROOT/.cargo/config.toml")
  local remaps=()
  # Each folder as given and, when a link leads there, as resolved.
  remap() {
    local real
    real=$(cd "$1" && pwd -P)
    remaps+=("--remap-path-prefix=$1=$2")
    [ "$real" = "$1" ] || remaps+=("--remap-path-prefix=$real=$2")
  }
  mkdir -p "$target"
  remap "$home" /cargo
  remap "$ROOT" /src
  remap "$target" /target
  local IFS=$'\x1f'
  export CARGO_ENCODED_RUSTFLAGS="$flags$IFS${remaps[*]}"
}

need_python() {
  # scripts/verify, and reading .cargo/config.toml for release builds (tomllib: Python 3.11+).
  if ! python3 -c 'import tomllib' 2>/dev/null; then
    say "Installing Python 3 from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >&2
  fi
}

# What scripts/serve installs: the toolchain, Trunk and wasm-bindgen, which `trunk serve` runs,
# and wasm-opt, which only scripts/split runs (Trunk runs none, `data-wasm-opt="0"`) but which
# comes with the serve command, so one command readies a checkout for the release build but
# for wasm-split.
need_serve_tools() {
  need_toolchain
  need_wasm_target
  need_trunk
  need_wasm_bindgen
  need_wasm_opt
}

# Everything the release build and the tests run.
need_build_tools() {
  need_python
  need_serve_tools
  need_wasm_split
}
