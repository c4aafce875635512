"""Known answers for the k-means plugin's tests, computed by scikit-learn from fixed initial centres, and the
inertia behind each k-means ARI in ../shared/reference/labelled.json.

Writes algorithms/src/test/resources/kmeans/sklearn-known-answers.json. Each case names its data, the initial
centres (rows of the data, or values), the parameters and scikit-learn's answer (inertia, n_iter_, centres), so a
Java test runs the same iterations from the same start and compares. Re-run after changing a case:

    benchmarks/target/sklearn-venv/bin/python benchmarks/scripts/sklearn_kmeans_known_answers.py

CC GENERAL is prepared exactly as ../shared/reference/cc_general.json states (drop CUST_ID, median imputation,
log1p, standardisation with ddof=0).
"""
import json
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

root = pathlib.Path(__file__).resolve().parents[2]
shared = root.parent / "shared"
out = root / "algorithms/src/test/resources/kmeans/sklearn-known-answers.json"

frame = pd.read_csv(shared / "data/cc_general/CC_GENERAL.csv").drop(columns=["CUST_ID"])
frame = np.log1p(frame.fillna(frame.median()))
cc = ((frame - frame.mean()) / frame.std(ddof=0)).to_numpy()


def fit(x, init, weights=None, max_iter=300, tol=1e-4):
    model = KMeans(n_clusters=len(init), init=np.asarray(init, dtype=float), n_init=1, max_iter=max_iter, tol=tol,
                   algorithm="lloyd").fit(x, sample_weight=weights)
    return {"inertia": float(model.inertia_), "iterations": int(model.n_iter_),
            "centres": model.cluster_centers_.tolist(), "labels_head": model.labels_[:50].tolist()}


cases = []
for k, rows in [(3, [0, 100, 2000]), (8, [5, 50, 500, 1000, 3000, 5000, 7000, 8000])]:
    cases.append({"name": f"cc_general k={k}", "data": "cc_general", "init_rows": rows,
                  **fit(cc, cc[rows])})
line = np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [12.0]])
cases.append({"name": "empty segment repaired", "data": "values", "values": line.ravel().tolist(),
              "init_values": [0.0, 11.0, 100.0], **fit(line, [[0.0], [11.0], [100.0]])})
weights = [3.0, 1.0, 1.0, 3.0, 0.0]
points = np.array([[0.0], [1.0], [10.0], [11.0], [50.0]])
cases.append({"name": "weighted", "data": "values", "values": points.ravel().tolist(), "weights": weights,
              "init_values": [0.0, 11.0], **fit(points, [[0.0], [11.0]], weights=weights)})
rng = np.random.default_rng(7)
w = rng.integers(0, 4, size=len(cc)).astype(float)
cases.append({"name": "cc_general k=5 weighted 0..3", "data": "cc_general", "weights_seed_note":
              "numpy default_rng(7).integers(0, 4, size=8950)", "weights": w.tolist(), "init_rows": [1, 2, 3, 4, 6],
              **fit(cc, cc[[1, 2, 3, 4, 6]], weights=w)})

# The labelled sets as ../shared/reference/labelled.json prepares them (standardised, k = number of labels,
# KMeans(n_init=10, random_state=0)): the inertia of the run whose ARI that file reports.
reference = json.loads((shared / "reference/labelled.json").read_text())
labelled = {}
for entry in reference["results"]:
    table = pd.read_csv(shared / entry["dataset"])
    features = table.drop(columns=["labels0"]).to_numpy(dtype=float)
    features = StandardScaler().fit_transform(features)
    model = KMeans(n_clusters=entry["k"], n_init=10, random_state=0).fit(features)
    ari = adjusted_rand_score(table["labels0"], model.labels_)
    # h2mg gives ARI 0.8159 here where the reference file says 0.8177 (a near tie decided differently); both kept.
    labelled[entry["dataset"]] = {"k": entry["k"], "inertia": float(model.inertia_), "ari": float(ari),
                                  "reference_ari": entry["kmeans_ari"]}

out.write_text(json.dumps({"tool": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, python "
                                   f"{sys.version.split()[0]}",
                           "how": "KMeans(n_clusters=len(init), init=<the initial centres>, n_init=1, max_iter=300, "
                                  "tol=1e-4, algorithm='lloyd').fit(X, sample_weight=weights)",
                           "cases": cases,
                           "labelled_best_of_10": labelled}, indent=1) + "\n")
print(f"wrote {out}")
