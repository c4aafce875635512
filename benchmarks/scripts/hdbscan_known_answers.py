"""Known answers for our HDBSCAN tests, from scikit-learn's HDBSCAN (run by hdbscan-known-answers.sh).

    python hdbscan_known_answers.py SHAPES_DIR OUT_JSON

1. For each shaped set ShapedDataCsv wrote (x, y, truth), scikit-learn's labels with the parameters the Java test
   uses (SHAPES below must match HdbscanShapedDataTest.Shape).
2. A small case written out in full: labels and probabilities_ from scikit-learn; GLOSH outlier scores and
   approximate prediction of new points by the hdbscan library's definitions (hdbscan/_hdbscan_tree.pyx
   outlier_scores, hdbscan/prediction.py approximate_predict and approximate_predict_scores), computed here from
   scikit-learn's condensed tree because the hdbscan package is not installable on this machine. min_samples is
   scikit-learn's (the point itself counts): a new point's core distance is the distance to its min_samples-th
   nearest training row and 2 * min_samples neighbours are searched.
"""
import json
import sys
import warnings

import numpy as np
from sklearn.cluster import HDBSCAN
from sklearn.cluster._hdbscan._tree import _condense_tree
from sklearn.neighbors import NearestNeighbors

warnings.filterwarnings("ignore", category=FutureWarning)

# file: (min_cluster_size, min_samples or None, cluster_selection_method)
SHAPES = {
    "spirals": (100, 5, "eom"),
    "rings": (20, 10, "eom"),
    "moons": (20, 10, "eom"),
    "noisy-blobs": (50, None, "eom"),
    "noisy-blobs-leaf": (20, 5, "leaf"),
}


def shaped(shapes_dir):
    out = {}
    for name, (mcs, ms, method) in SHAPES.items():
        file = "noisy-blobs" if name.startswith("noisy-blobs") else name
        data = np.loadtxt(f"{shapes_dir}/{file}.csv", delimiter=",", skiprows=1)
        labels = HDBSCAN(min_cluster_size=mcs, min_samples=ms, cluster_selection_method=method).fit(data[:, :2]).labels_
        out[name] = {"min_cluster_size": mcs, "min_samples": ms or 0, "method": method, "labels": labels.tolist(),
                     "clusters": int(labels.max() + 1), "noise": float((labels == -1).mean())}
    return out


def subtree_points(tree, n):
    """Per cluster id, the set of rows under it."""
    under = {}
    for row in sorted(tree, key=lambda r: -r["parent"]):
        parent, child = int(row["parent"]), int(row["child"])
        rows = {child} if child < n else under.get(child, set())
        under.setdefault(parent, set()).update(rows)
    return under


def direct_max_lambdas(tree):
    out = {}
    for row in tree:
        p = int(row["parent"])
        out[p] = max(out.get(p, 0.0), float(row["value"]))
    return out


def subtree_max_lambdas(tree):
    out = direct_max_lambdas(tree)
    for row in sorted(tree, key=lambda r: -r["child"]):
        child, parent = int(row["child"]), int(row["parent"])
        if child in out and out[child] > out[parent]:
            out[parent] = out[child]
    return out


def glosh(lam, deepest):
    if deepest == 0 or np.isinf(lam):
        return 0.0
    return 1.0 if np.isinf(deepest) else (deepest - lam) / deepest


def tie_free_small_set(mcs, ms):
    """Three blobs and three stray points, from the first seed from 7 on whose mutual-reachability MST has no two
    edges of equal weight: equal weights are merged in an order that is an implementation detail (scikit-learn's
    Prim order, our Boruvka order), and which rows fall out at a tied lambda follows that order, not the definitions
    under test."""
    centres = np.array([[0, 0], [5, 0], [0, 5]])
    for seed in range(7, 1000):
        rng = np.random.RandomState(seed)
        x = np.vstack([c + 0.6 * rng.randn(15, 2) for c in centres] + [rng.uniform(-3, 8, size=(3, 2))])
        fitted = HDBSCAN(min_cluster_size=mcs, min_samples=ms).fit(x)
        weights = fitted._single_linkage_tree_["value"]
        if len(np.unique(weights)) == len(weights):
            return seed, x, fitted
    raise SystemExit("no tie-free seed found")


def small_case():
    mcs, ms = 5, 2
    seed, x, fitted = tie_free_small_set(mcs, ms)
    labels = fitted.labels_
    n = len(x)
    tree = _condense_tree(fitted._single_linkage_tree_, mcs)
    root = n
    under = subtree_points(tree, n)
    selected = [next(c for c, rows in under.items() if c != root and rows == set(np.flatnonzero(labels == k)))
                for k in range(labels.max() + 1)]
    cluster_parent = {int(r["child"]): int(r["parent"]) for r in tree if r["child"] >= n}
    birth = {int(r["child"]): float(r["value"]) for r in tree if r["child"] >= n}

    def segment_of(c):
        while c != root:
            if c in selected:
                return selected.index(c)
            c = cluster_parent[c]
        return -1

    deepest = subtree_max_lambdas(tree)
    direct = direct_max_lambdas(tree)
    row_of = {int(r["child"]): r for r in tree if r["child"] < n}
    scores = [glosh(float(row_of[i]["value"]), deepest[int(row_of[i]["parent"])]) for i in range(n)]
    core = NearestNeighbors(n_neighbors=ms).fit(x).kneighbors(x)[0][:, -1]

    new_points = np.array([[0.2, -0.1], [4.6, 0.5], [0.3, 4.2], [2.5, 0.0], [2.5, 2.5], [12, 12], [-1.2, 0.9]])
    distances, indices = NearestNeighbors(n_neighbors=2 * ms).fit(x).kneighbors(new_points)
    new_labels, new_probabilities, new_scores = [], [], []
    for dist, idx in zip(distances, indices):
        point_core = dist[ms - 1]
        mr = np.maximum(np.maximum(core[idx], point_core), dist)
        nearest = idx[mr.argmin()]
        lam = 1.0 / mr.min()
        row = row_of[int(nearest)]
        cluster = int(row["parent"])
        new_scores.append(glosh(lam, deepest[cluster]))
        if row["value"] > lam:
            while cluster > root and birth[cluster] >= lam:
                cluster = cluster_parent[cluster]
        segment = segment_of(cluster) if cluster != root else -1
        new_labels.append(segment)
        if segment < 0:
            new_probabilities.append(0.0)
        else:
            top = direct[selected[segment]]
            new_probabilities.append(min(lam, top) / top if top > 0 else 1.0)
    return {"seed": seed, "min_cluster_size": mcs, "min_samples": ms, "x": x.tolist(), "labels": labels.tolist(),
            "probabilities": fitted.probabilities_.tolist(), "outlier_scores": scores,
            "new_points": new_points.tolist(), "new_labels": new_labels, "new_probabilities": new_probabilities,
            "new_outlier_scores": new_scores}


def main():
    import sklearn
    answers = {"tool": f"scikit-learn {sklearn.__version__}", **shaped(sys.argv[1]), "small": small_case()}
    with open(sys.argv[2], "w") as out:
        json.dump(answers, out)
    for name in SHAPES:
        print(f"{name}: {answers[name]['clusters']} clusters, noise {answers[name]['noise']:.3f}")
    print("small:", answers["small"]["labels"], answers["small"]["new_labels"])


if __name__ == "__main__":
    main()
