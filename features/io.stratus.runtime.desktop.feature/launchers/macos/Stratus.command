#!/bin/sh
# Finder opens a .command file in Terminal: double-click it to start Stratus (the stratus script
# beside it does the work and says so there if Java 21 or newer is missing).
exec "$(dirname "$0")/stratus" "$@"
