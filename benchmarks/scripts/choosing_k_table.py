"""The hit table of benchmarks/scripts/choosing-k.sh: for each way of choosing k, on how many sets it equals the
true k. Reads truth.csv (set,k,...) and one `segments compare --json` document per set. Plain Python, no packages."""
import csv
import json
import os
import sys

truth_file, results = sys.argv[1], sys.argv[2]
truth = {row["set"]: row for row in csv.DictReader(open(truth_file))}

# What each method's k is, read from the product's own JSON.
def criterion(doc, name):
    for c in doc["recommendation"]["criteria"]:
        if c["criterion"] == name:
            return c["prefersK"]
    return None

def passing(doc):
    """The configurations the stability gate lets through (the product states why it kept each other one out)."""
    return [c for c in doc["configurations"] if c["excludedBecause"] is None and c.get("silhouette") is not None]


def gated_best(doc):
    """Rule 'default' recomputed from the evidence: the best silhouette among the configurations that pass."""
    ok = passing(doc)
    return max(ok, key=lambda c: c["silhouette"])["segments"] if ok else None


def gated_fewest(doc):
    """Rule 'fewest' recomputed from the evidence: the fewest segments within one standard error of that best."""
    ok = passing(doc)
    if not ok:
        return None
    best = max(ok, key=lambda c: c["silhouette"])
    bar = best["silhouette"] - best["silhouetteStandardError"]
    return min(c["segments"] for c in ok if c["silhouette"] >= bar)


methods = {
    "recommendation (as the run reported it)": lambda d: d["recommendation"]["k"],
    "rule 'default' (best silhouette that passes the gate)": gated_best,
    "rule 'fewest' (fewest within 1 SE of that best)": gated_fewest,
    "silhouette alone (best)": lambda d: criterion(d, "silhouette"),
    "elbow alone (Kneedle on inertia)": lambda d: criterion(d, "elbow"),
    "gap statistic alone (1-SE)": lambda d: criterion(d, "gap statistic"),
    "Calinski-Harabasz alone": lambda d: criterion(d, "Calinski-Harabasz"),
    "Davies-Bouldin alone": lambda d: criterion(d, "Davies-Bouldin"),
    "stability alone (most stable)": lambda d: criterion(d, "stability"),
}

rows = []
for name in sorted(truth):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        continue
    doc = json.load(open(path))
    t = truth[name]
    rows.append((name, int(t["k"]), t["noise"] == "true", {m: f(doc) for m, f in methods.items()},
                 doc["recommendation"]["atRangeEnd"], doc["recommendation"]["range"]))

def hits(subset, method):
    return sum(1 for r in subset if r[3][method] == r[1])

groups = [("all", rows), ("no noise", [r for r in rows if not r[2]]), ("10% noise", [r for r in rows if r[2]]),
          ("k 2-7", [r for r in rows if r[1] <= 7]), ("k 8-14", [r for r in rows if 8 <= r[1] <= 14]),
          ("k 15-20", [r for r in rows if r[1] >= 15])]
print("| method | " + " | ".join(f"{g} ({len(s)})" for g, s in groups) + " |")
print("|---|" + "---|" * len(groups))
for m in methods:
    print(f"| {m} | " + " | ".join(f"{hits(s, m)}" for _, s in groups) + " |")

print()
print("set, true k, noise, " + ", ".join(methods) + ", chosen at range end, range")
for name, k, noisy, chosen, at_end, rng in rows:
    print(f"{name}, {k}, {noisy}, " + ", ".join(str(chosen[m]) for m in methods) + f", {at_end}, {rng['from']}..{rng['to']}")
