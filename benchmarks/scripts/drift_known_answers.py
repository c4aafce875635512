"""Known answers for the drift statistics (DriftStatisticsTest, HipparchusSignificanceTestsTest).

Run in a venv with scipy (never a project dependency):  python drift_known_answers.py
Prints each figure with 17 significant digits; the tests hold these numbers and check ours within 1e-9 (distances)
and 1e-6 (p-values).
"""
import numpy as np
from scipy import stats

u = [0.0, 1.0, 3.0, 3.0, 4.5, 7.25, 10.0, -2.0, 0.5, 0.5]
v = [1.0, 1.5, 2.0, 6.0, 9.0, 9.0, 12.0, -1.0]
expected = [0.1, 0.2, 0.3, 0.4, 0.0]
actual = [0.25, 0.25, 0.25, 0.2, 0.05]

def psi(e, a, floor=1e-4):
    e = np.maximum(np.asarray(e, float), floor)
    a = np.maximum(np.asarray(a, float), floor)
    return float(np.sum((a - e) * np.log(a / e)))

print("psi", repr(psi(expected, actual)))
print("wasserstein", repr(float(stats.wasserstein_distance(u, v))))
print("ks", repr(float(stats.ks_2samp(u, v).statistic)))
rng = np.random.default_rng(5)
a = rng.normal(0, 1, 300)
b = rng.normal(0.2, 1.1, 500)
d = float(stats.ks_2samp(a, b).statistic)
# the classical asymptotic p-value: the Kolmogorov distribution at sqrt(nm / (n + m)) d (scipy's ks_2samp with
# method="asymp" uses kstwo at round(nm / (n + m)) instead, 4.94e-05 here)
print("ks_asymp_p d=%r n=300 m=500" % d, repr(float(stats.kstwobign.sf(np.sqrt(300 * 500 / 800) * d))))
print("chi2_sf 7.5 df 3", repr(float(stats.chi2.sf(7.5, 3))))
print("chi2_sf 30.2 df 9", repr(float(stats.chi2.sf(30.2, 9))))
observed = [30, 14, 34, 45, 57]
shares = [0.2, 0.1, 0.2, 0.25, 0.25]
exp = np.asarray(shares) * sum(observed)
print("chisquare", repr(float(stats.chisquare(observed, exp).statistic)))
