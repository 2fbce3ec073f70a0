#!/usr/bin/env bash
# What the test suite needs beyond the .NET SDK, installed only when missing.
# Sourced by test.sh; each ensure_* function is idempotent.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ $apt_updated -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

ensure_redis() {
  # Tests start their own redis-server on a free loopback port; they never use a system service.
  # redis-cli (redis-tools) creates the test Redis Cluster; Sentinel runs as `redis-server --sentinel`,
  # so the redis-sentinel package is not needed.
  if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "Installing redis-server and redis-tools (Debian packages)..."
    apt_install redis-server redis-tools
  fi
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Installing nodejs and npm (Debian packages)..."
    apt_install nodejs npm
  fi
}

# Every npm project under tests/ (a package.json with its package-lock.json) gets `npm ci`
# when its node_modules is missing or older than its lock file.
ensure_npm_packages() {
  local lock dir
  while IFS= read -r lock; do
    dir=$(dirname "$lock")
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
      echo "Installing npm packages in $dir..."
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done < <(find tests -name package-lock.json -not -path '*/node_modules/*' | sort)
}

# The GraphQL IDE's browser test drives Debian's Chromium through Playwright; no browser download.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing chromium (Debian package)..."
    apt_install chromium
  fi
}

# The short soak puts Debian's nginx (round robin) in front of three gateway processes.
ensure_nginx() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "Installing nginx (Debian package)..."
    apt_install nginx
  fi
}

ensure_prerequisites() {
  ensure_redis
  ensure_nginx
  ensure_node
  ensure_npm_packages
  ensure_chromium
}
