#!/usr/bin/env bash
# Reproduces the README's figures: the daily run on 1M and 10M generated subscribers (6 months of
# history) with their heap limits, the four-high stage against the plain-SQL baseline side by side, and
# the plan advisor on 10M customers against trying every combination, the port-out model on the public churn
# data beside scikit-learn and xgboost, and its training (1M) and scoring (10M) from generated feeds.
# Needs about 20 GB of free disk for the 10M province; pass "1m" to run the 1M figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
./tenure --version >/dev/null   # builds when needed
TENURE_JAVA_OPTS="-Xmx4g" ./tenure bench --subscribers 1000000 --dir bench-data --repeat 3
./tenure bench-advisor --customers 10000000
bench/churn.sh
if [ "${1:-all}" != "1m" ]; then
  TENURE_JAVA_OPTS="-Xmx12g" ./tenure bench --subscribers 10000000 --dir bench-data --skip-compare
  TENURE_JAVA_OPTS="-Xmx12g" ./tenure bench-risk --train 1000000 --score 10000000 --dir bench-data
fi
