"""The whole Python script a data scientist runs on a small table: start, imports, read, standardise, KMeans(10 starts).

    python sklearn_small_train.py DATA.csv K
"""
import sys

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

frame = pd.read_csv(sys.argv[1])
x = StandardScaler().fit_transform(frame.iloc[:, 1:].to_numpy(dtype=float))
model = KMeans(n_clusters=int(sys.argv[2]), n_init=10, random_state=0).fit(x)
print(model.inertia_)
