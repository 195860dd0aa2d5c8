#!/usr/bin/env bash
# Installs what dcplan needs beyond the Swift toolchain: OpenBLAS (BLAS and LAPACK),
# libxlsxwriter (Excel workbooks) and pkg-config, from Debian's packages. Does nothing when they are there already.
set -euo pipefail
if pkg-config --exists openblas xlsxwriter 2>/dev/null && [ -e /usr/include/x86_64-linux-gnu/cblas.h -o -e /usr/include/cblas.h ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "dcplan: installing libopenblas-dev, libxlsxwriter-dev and pkg-config through apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libopenblas-dev libxlsxwriter-dev pkg-config >/dev/null
