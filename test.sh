#!/usr/bin/env bash
# Runs every test. Installs what the tests need first when it is missing, so it works on a
# fresh machine with only the .NET 10 SDK (plus root or sudo for Debian packages).
set -euo pipefail
cd "$(dirname "$0")"

source eng/prerequisites.sh
ensure_prerequisites

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build CommerceGateway.sln -c Debug -nologo -clp:ErrorsOnly

results=$(mktemp -d)
status=0
# A hung test fails the run after 5 minutes instead of eating CI's time budget.
dotnet test CommerceGateway.sln -c Debug --no-build -nologo \
  --blame-hang-timeout 5m --blame-hang-dump-type none \
  --logger "console;verbosity=minimal" --logger trx -p:TestResultsRoot="$results" || status=$?

eng/summarize-tests.sh "$results" || status=1
rm -rf "$results"
exit $status
