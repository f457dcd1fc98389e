#!/usr/bin/env bash
# Runs every test on a fresh machine of this kind. Installs what the tests need first.
# (The end-to-end / infrastructure work fills in: Chromium, the pinned Agents Playground, PostgreSQL on loopback.)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Briefingbot.sln --nologo 2>&1 | tee artifacts-test.log
