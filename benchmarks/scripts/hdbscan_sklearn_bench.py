"""scikit-learn's side of hdbscan-vs-sklearn.sh: HDBSCAN fit time on HdbscanSideBySide's blobs, and ARI.

    python hdbscan_sklearn_bench.py fit DATA MIN_CLUSTER_SIZE LABELS_OUT   -> {"seconds", "clusters", "noise"}
    python hdbscan_sklearn_bench.py ari LABELS_A LABELS_B                  -> {"ari"}
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.cluster import HDBSCAN
from sklearn.metrics import adjusted_rand_score

warnings.filterwarnings("ignore", category=FutureWarning)


def main(command, *args):
    if command == "fit":
        x = np.fromfile(args[0], dtype="<f8").reshape(-1, 8)
        started = time.perf_counter()
        labels = HDBSCAN(min_cluster_size=int(args[1])).fit(x).labels_
        seconds = time.perf_counter() - started
        labels.astype("<i4").tofile(args[2])
        print(json.dumps({"seconds": seconds, "clusters": int(labels.max() + 1), "noise": float((labels == -1).mean())}))
    elif command == "ari":
        a = np.fromfile(args[0], dtype="<i4")
        b = np.fromfile(args[1], dtype="<i4")
        print(json.dumps({"ari": adjusted_rand_score(a, b)}))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
