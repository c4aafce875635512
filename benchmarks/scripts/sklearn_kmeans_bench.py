"""scikit-learn's side of kmeans-blobs-vs-sklearn.sh: the same commands as com.segments.benchmarks.KMeansSideBySide
on the same raw float64 files (16 columns), one JSON line each. scikit-learn runs on the threads given by
SKLEARN_THREADS (default 2), set with threadpoolctl for OpenMP and BLAS alike."""
import json
import os
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits


def read(path):
    return np.fromfile(path, dtype="<f8").reshape(-1, 16)


def main(command, *args):
    if command == "fit":
        x, k, restarts, seed = read(args[0]), int(args[1]), int(args[2]), int(args[3])
        KMeans(k, n_init=1, random_state=seed).fit(x[:50_000])  # warm-up, as our side does
        started = time.perf_counter()
        model = KMeans(k, n_init=restarts, random_state=seed).fit(x)
        print(json.dumps({"seconds": time.perf_counter() - started, "inertia": model.inertia_,
                          "iterations": int(model.n_iter_)}))
    elif command == "from-init":
        x, k = read(args[0]), int(args[1])
        max_iter = int(args[2]) if len(args) > 2 else 300
        KMeans(k, init=x[:k], n_init=1, tol=0, max_iter=max_iter).fit(x[:50_000])
        started = time.perf_counter()
        model = KMeans(k, init=x[:k], n_init=1, tol=0, max_iter=max_iter).fit(x)
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "iterations": int(model.n_iter_),
                          "per_iteration": seconds / model.n_iter_, "inertia": model.inertia_}))
    elif command == "singles":
        x, k, seeds = read(args[0]), int(args[1]), int(args[2])
        print(json.dumps({"inertias": [KMeans(k, n_init=1, random_state=s).fit(x).inertia_ for s in range(seeds)]}))
    elif command == "score":
        x, k = read(args[0]), int(args[1])
        model = KMeans(k, n_init=1, random_state=0).fit(x)
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            model.predict(x)
            best = min(best, time.perf_counter() - started)
        print(json.dumps({"seconds": best, "rows": len(x)}))
    else:
        raise SystemExit(f"unknown command {command}")


with threadpool_limits(limits=int(os.environ.get("SKLEARN_THREADS", "2"))):
    main(*sys.argv[1:])
