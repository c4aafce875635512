"""scikit-learn's side of kmeans-vs-sklearn.sh: the same preprocessing Segments applies by default (median
imputation, then standardisation), KMeans(n_init=10) per k, inertia and fit time as JSON lines. Runs on
SKLEARN_THREADS threads (default 2), OpenMP and BLAS alike."""
import json
import os
import sys
import time

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

path, id_column, *ks = sys.argv[1:]
frame = pd.read_csv(path).drop(columns=[id_column])
matrix = StandardScaler().fit_transform(frame.fillna(frame.median()))
with threadpool_limits(limits=int(os.environ.get("SKLEARN_THREADS", "2"))):
    KMeans(n_clusters=2, n_init=1, random_state=0).fit(matrix)  # the first fit pays one-time start-up costs
    for k in map(int, ks):
        started = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(matrix)
        print(json.dumps({"k": k, "inertia": model.inertia_, "seconds": time.perf_counter() - started}), flush=True)
