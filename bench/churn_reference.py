#!/usr/bin/env python3
"""Reference models on the public churn split, with Debian's scikit-learn and xgboost.

Same 3333/1667 split, same encoding as Tenure (numeric columns as they are, each level of a text column as 0/1),
same early-stopping scheme for xgboost (a stratified 20% of the training rows held out, AUC, 100 rounds of patience).
Prints one line per model: AUC, accuracy at 0.5.
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
import xgboost as xgb


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def numeric(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def encode(train, test, target):
    cols = [c for c in train[0].keys() if c != target]
    features = []
    for c in cols:
        if all(numeric(r[c]) for r in train):
            features.append((c, None))
        else:
            for level in sorted({r[c] for r in train}):
                features.append((c, level))

    def matrix(rows):
        return np.array([[float(r[c]) if lvl is None else float(r[c] == lvl) for c, lvl in features] for r in rows])

    def labels(rows):
        return np.array([1 if r[target] == "yes" else 0 for r in rows])

    return matrix(train), labels(train), matrix(test), labels(test)


def main(train_path, test_path):
    xtr, ytr, xte, yte = encode(read(train_path), read(test_path), "churn")
    results = []
    xa, xv, ya, yv = train_test_split(xtr, ytr, test_size=0.2, stratify=ytr, random_state=20191127)
    booster = xgb.XGBClassifier(n_estimators=2000, learning_rate=0.1, max_depth=4, subsample=0.8, colsample_bytree=0.8,
                                tree_method="hist", eval_metric="auc", early_stopping_rounds=50, random_state=20191127)
    booster.fit(xa, ya, eval_set=[(xv, yv)], verbose=False)
    results.append(("xgboost (python, same settings)", booster.predict_proba(xte)[:, 1]))
    gb = GradientBoostingClassifier(n_estimators=300, random_state=0).fit(xtr, ytr)
    results.append(("sklearn gradient boosting, 300 trees", gb.predict_proba(xte)[:, 1]))
    rf = RandomForestClassifier(n_estimators=500, random_state=0, n_jobs=-1).fit(xtr, ytr)
    results.append(("sklearn random forest, 500 trees", rf.predict_proba(xte)[:, 1]))
    lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(xtr, ytr)
    results.append(("sklearn logistic regression", lr.predict_proba(xte)[:, 1]))
    for name, p in results:
        print(f"{name:40s} AUC {roc_auc_score(yte, p):.4f}  accuracy {accuracy_score(yte, p >= 0.5):.4f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
