#!/usr/bin/env bash
# Refreshes the screenshots in docs/ from the real page in Chromium (the browser tests take them).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
./mvnw -B -q -pl backend test -Dtest='MapBrowserTest,EditorBrowserTest,MapClustersBrowserTest,TerritoryEditorBrowserTest,QgisClientTest' -Dscreenshots.dir=docs
ls -l docs/*.png
