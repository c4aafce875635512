"""Writes a customer table of Gaussian blobs for the data-path benchmarks: an id column, then D numeric columns
(k-means-shaped groups, 0.5% of cells left empty so that imputation has work), seeded, as a pandas user would get it.

    python blobs_csv.py OUT.csv [ROWS] [COLUMNS] [GROUPS] [SEED]
"""
import sys

import numpy as np
import pandas as pd
from sklearn.datasets import make_blobs

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
columns = int(sys.argv[3]) if len(sys.argv) > 3 else 16
groups = int(sys.argv[4]) if len(sys.argv) > 4 else 8
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 7

x, _ = make_blobs(n_samples=rows, n_features=columns, centers=groups, cluster_std=2.0, random_state=seed)
rng = np.random.default_rng(seed)
x[rng.random(x.shape) < 0.005] = np.nan
frame = pd.DataFrame(x, columns=[f"f{j + 1:02d}" for j in range(columns)])
frame.insert(0, "customer_id", [f"C{i:08d}" for i in range(rows)])
frame.to_csv(out, index=False, float_format="%.6f")
