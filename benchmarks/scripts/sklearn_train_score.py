"""What a scikit-learn user runs for the same jobs as `segments train` and `segments score`, whole process:

    train: pandas read_csv, SimpleImputer(median), StandardScaler, KMeans(k, n_init), silhouette on a 10,000-row
           sample, Davies-Bouldin, Calinski-Harabasz, joblib.dump of the fitted pipeline
    score: joblib.load, read_csv, transform, predict, distances, to_csv

    python sklearn_train_score.py train DATA.csv MODEL.joblib K N_INIT
    python sklearn_train_score.py score DATA.csv MODEL.joblib OUT.csv

Prints one JSON line with the seconds of the job (the process's own wall time is measured outside).
"""
import json
import sys
import time

started = time.perf_counter()
import joblib
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

job, data, model_file = sys.argv[1], sys.argv[2], sys.argv[3]
frame = pd.read_csv(data)
ids = frame.iloc[:, 0]
x = frame.iloc[:, 1:].to_numpy(dtype=np.float64)
if job == "train":
    k, n_init = int(sys.argv[4]), int(sys.argv[5])
    prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    xs = prep.fit_transform(x)
    fit_started = time.perf_counter()
    kmeans = KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(xs)
    fit_seconds = time.perf_counter() - fit_started
    labels = kmeans.labels_
    silhouette = silhouette_score(xs, labels, sample_size=min(10_000, len(xs)), random_state=0)
    db = davies_bouldin_score(xs, labels)
    ch = calinski_harabasz_score(xs, labels)
    joblib.dump(make_pipeline(prep, kmeans), model_file)
    print(json.dumps({"job": job, "rows": len(xs), "inertia": float(kmeans.inertia_), "fitSeconds": fit_seconds,
                      "silhouette": float(silhouette), "daviesBouldin": float(db), "calinskiHarabasz": float(ch),
                      "seconds": time.perf_counter() - started}))
else:
    out = sys.argv[4]
    pipeline = joblib.load(model_file)
    prep, kmeans = pipeline.steps[0][1], pipeline.steps[1][1]
    xs = prep.transform(x)
    labels = kmeans.predict(xs)
    distances = kmeans.transform(xs).min(axis=1)
    pd.DataFrame({"id": ids, "segment": labels, "distance": distances}).to_csv(out, index=False)
    print(json.dumps({"job": job, "rows": len(xs), "seconds": time.perf_counter() - started}))
