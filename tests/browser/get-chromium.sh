#!/bin/sh
# Before `make test`: the browser tests need Debian's Chromium and CJK fonts.
# Installed here when missing and possible (root with apt-get, as .ci/run does);
# otherwise the browser tests are skipped with a line saying why. An explicit
# CHROMIUM_PATH is used as it is: never an install.
[ -n "${CHROMIUM_PATH:-}" ] && exit 0
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and CJK fonts for the browser tests (apt-get)..."
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; then
    exit 0
  fi
  echo "Could not install Chromium: the browser tests will be skipped."
else
  echo "Chromium is missing and this user cannot install it: the browser tests will be skipped."
fi
exit 0
