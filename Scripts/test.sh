#!/usr/bin/env bash
# Sets up a fresh machine if needed and runs every test (Swift Testing): the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build --build-tests
swift test --skip-build
