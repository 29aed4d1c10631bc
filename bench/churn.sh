#!/usr/bin/env bash
# The public-data figures: Tenure's model on the 3333/1667 churn split, beside Debian's scikit-learn and xgboost
# on the same split (a benchmark dependency, installed here when missing: python3-sklearn, python3-xgboost).
set -euo pipefail
cd "$(dirname "$0")/.."
./tenure --version >/dev/null   # builds when needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./tenure model train --csv data/churn/mlc_churn_train3333.csv --target churn --out "$work/model"
echo "== Tenure (XGBoost4J, calibrated), on the 1667 held-out rows"
./tenure model evaluate --model "$work/model" --csv data/churn/mlc_churn_test1667.csv --out "$work/eval"
if ! /usr/bin/python3 -c 'import sklearn, xgboost' 2>/dev/null; then
  SUDO=""; if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-sklearn python3-xgboost >/dev/null
fi
echo "== references (Debian's scikit-learn and xgboost), same split"
/usr/bin/python3 bench/churn_reference.py data/churn/mlc_churn_train3333.csv data/churn/mlc_churn_test1667.csv
