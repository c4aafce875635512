"""scikit-learn's side of kmeans-vs-sklearn.sh: the same preprocessing Segments applies by default (median
imputation, then standardisation), KMeans(n_init=10) per k, inertia and fit time as JSON lines."""
import json
import sys
import time

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

path, id_column, *ks = sys.argv[1:]
frame = pd.read_csv(path).drop(columns=[id_column])
matrix = StandardScaler().fit_transform(frame.fillna(frame.median()))
for k in map(int, ks):
    started = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(matrix)
    print(json.dumps({"k": k, "inertia": model.inertia_, "seconds": time.perf_counter() - started}))
