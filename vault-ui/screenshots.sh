#!/usr/bin/env bash
# Renders the desktop app's main screens to PNG over the demo vault and its embedded mail server,
# headless (JavaFX Monocle, the scene's own snapshot): no display or X server needed.
#
#   vault-ui/screenshots.sh [OUTPUT_FOLDER]      (default: docs/screenshots)
#
# Japanese screens need a font with Japanese glyphs, for example: apt-get install fonts-noto-cjk
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/screenshots}")"
classpath_file="$root/vault-ui/target/test-classpath.txt"

mvn -B -o -q -f "$root/pom.xml" -pl vault-ui -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

java \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true \
  -cp "$root/vault-ui/target/test-classes:$root/vault-ui/target/classes:$(cat "$classpath_file")" \
  dev.mailvault.ui.Screenshots "$out"
