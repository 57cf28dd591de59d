#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver for the browser tests of the web view.
# Fast when both are present; without apt (or without root) it warns and exits 0, and the browser tests skip.
set -uo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: apt-get not available; browser tests will be skipped" >&2; exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
  else echo "setup-chromium: not root and no sudo; browser tests will be skipped" >&2; exit 0; fi
fi
echo "setup-chromium: installing chromium and chromium-driver (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1; then
  $sudo apt-get update -q >/dev/null 2>&1
  $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
    || echo "setup-chromium: apt-get install chromium chromium-driver failed; browser tests will be skipped" >&2
fi
exit 0
