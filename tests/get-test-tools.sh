#!/bin/sh
# Before `make test`: tools some tests need, fetched when missing and possible.
# - Debian's Chromium and CJK fonts for the browser tests (root with apt-get,
#   as .ci/run does). An explicit CHROMIUM_PATH is used as it is: never an
#   install. Without Chromium the browser tests are skipped, with a line saying why.
# - The Nu HTML Checker (vnu.jar, from the npm registry) and a Java runtime for
#   the HTML validation test; without them that test is skipped.
# - Lighthouse (npm registry, into var/lighthouse; run on Node with the same
#   Chromium) for the accessibility-score test; without it that test is skipped.
#   12.x: the last series that runs on Node 18 and 20 (13 needs Node 22).
VNU_VERSION=26.9.27
LIGHTHOUSE_VERSION=12.8.2
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "Installing $* for the tests (apt-get)..."
  { [ -n "$APT_UPDATED" ] || apt-get update -qq; } && APT_UPDATED=1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ -z "${CHROMIUM_PATH:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    apt_install chromium fonts-noto-cjk ||
      echo "Chromium is missing and cannot be installed here: the browser tests will be skipped."
  fi
fi

if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless ||
    echo "Java is missing and cannot be installed here: the HTML validation test will be skipped."
fi
if [ ! -f var/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --silent --no-audit --no-fund --prefix var/vnu "vnu-jar@$VNU_VERSION" ||
      echo "Could not fetch the Nu HTML Checker: the HTML validation test will be skipped."
  else
    echo "npm is missing, so no Nu HTML Checker: the HTML validation test will be skipped."
  fi
fi
if [ ! -f var/lighthouse/node_modules/lighthouse/core/index.js ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --silent --no-audit --no-fund --prefix var/lighthouse "lighthouse@$LIGHTHOUSE_VERSION" ||
      echo "Could not fetch Lighthouse: the Lighthouse accessibility test will be skipped."
  else
    echo "npm is missing, so no Lighthouse: the Lighthouse accessibility test will be skipped."
  fi
fi
exit 0
