#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds dcplan (release) and runs it. Without arguments
# it runs the bundled default scenario: Scripts/run.sh  ==  dcplan run
# Any arguments go to dcplan:            Scripts/run.sh validate Scenarios/*.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product dcplan >&2
if [ "$#" -eq 0 ]; then set -- run; fi
exec .build/release/dcplan "$@"
