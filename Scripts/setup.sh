#!/usr/bin/env bash
# Installs what dcplan needs beyond the Swift toolchain: OpenBLAS (BLAS and LAPACK),
# libxlsxwriter (Excel workbooks), SQLite (the results database; its shell for the tests) and
# pkg-config, from Debian's packages. Does nothing when they are there already.
set -euo pipefail
if pkg-config --exists openblas xlsxwriter sqlite3 2>/dev/null && command -v sqlite3 >/dev/null \
  && [ -e /usr/include/x86_64-linux-gnu/cblas.h -o -e /usr/include/cblas.h ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "dcplan: installing libopenblas-dev, libxlsxwriter-dev, libsqlite3-dev, sqlite3 and pkg-config through apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libopenblas-dev libxlsxwriter-dev libsqlite3-dev sqlite3 pkg-config >/dev/null
