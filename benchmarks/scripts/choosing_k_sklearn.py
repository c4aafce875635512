"""A scikit-learn replica of the choice of k, on the sets of com.segments.benchmarks.choosek.KnownGroups: a yardstick
and the prototype the selection rule was tried on, never a project dependency.

usage: choosing_k_sklearn.py DATA_DIR CACHE_DIR   (DATA_DIR as written by KnownGroups; per-set results are cached)

Per set: standardise, KMeans(k, n_init=3) for k in the range sized to the data (2..min(25, max(10, n // 100))),
silhouette / Calinski-Harabasz / Davies-Bouldin, clusterboot stability (10 bootstrap refits of up to 3,000 rows, best
Jaccard per segment), the gap statistic (10 uniform draws over the bounding box, 1-SE rule, k >= 2 only), Kneedle on
inertia. 'gated silhouette' is the product's default rule without its one-standard-error parsimony step (the
per-customer silhouettes are not kept here): the best silhouette among the k whose every segment has a mean
Jaccard of at least 0.6.
"""
import sys, json, glob, os
import numpy as np, pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score, calinski_harabasz_score, davies_bouldin_score
d = sys.argv[1]; out = sys.argv[2]; os.makedirs(out, exist_ok=True)
truth = pd.read_csv(f"{d}/truth.csv")
B = 10
for _, t in truth.iterrows():
    f = f"{out}/{t.set}.json"
    if os.path.exists(f): continue
    X = pd.read_csv(f"{d}/{t.set}.csv").drop(columns=["id"]).values
    X = (X - X.mean(0)) / X.std(0)
    n = len(X); kmax = int(min(25, max(10, n // 100)))
    rng = np.random.default_rng(1)
    m = min(n, 3000)
    samples = [rng.integers(0, n, m) for _ in range(B)]
    lo, hi = X.min(0), X.max(0)
    refs = [rng.uniform(lo, hi, size=(m, X.shape[1])) for _ in range(B)]
    res = []
    for k in range(2, kmax + 1):
        km = KMeans(k, n_init=3, random_state=0).fit(X)
        lab = km.labels_
        jac = np.zeros(k)
        for s in samples:
            r = KMeans(k, n_init=3, random_state=0).fit(X[s]).predict(X)
            for c in range(k):
                a = lab == c
                best = 0
                for c2 in range(k):
                    b = r == c2
                    u = (a | b).sum()
                    if u: best = max(best, (a & b).sum() / u)
                jac[c] += best
        jac /= B
        logw = [np.log(KMeans(k, n_init=3, random_state=0).fit(R).inertia_ / m) for R in refs]
        res.append(dict(k=k, inertia=float(km.inertia_), sil=float(silhouette_score(X, lab)),
                        ch=float(calinski_harabasz_score(X, lab)), db=float(davies_bouldin_score(X, lab)),
                        jac=jac.tolist(), logw_ref=logw))
    json.dump(dict(set=t.set, k=int(t.k), n=n, res=res), open(f, "w"))
    print(t.set, file=sys.stderr, flush=True)

def kneedle(x, y, S=1.0):
    x=np.array(x,float); y=np.array(y,float)
    # isotonic decreasing via running PAV
    from sklearn.isotonic import IsotonicRegression
    y=IsotonicRegression(increasing=False).fit_transform(x,y)
    xn=(x-x.min())/(x.max()-x.min()); yn=(y-y.min())/(y.max()-y.min()) if y.max()>y.min() else y*0
    ys=1-yn; d=ys-xn; n=len(x); step=(xn[-1]-xn[0])/(n-1); thr=None; cand=-1
    for i in range(1,n-1):
        if d[i]>=d[i-1] and d[i]>d[i+1]: cand=i; thr=d[i]-S*step
        elif d[i]<=d[i-1] and d[i]<d[i+1]: thr=0
        if cand>=0 and thr is not None and d[i+1]<thr: return int(x[cand])
    return None
def chord(x,y):
    x=np.array(x,float); y=np.array(y,float)
    c=y[0]+(y[-1]-y[0])*(x-x[0])/(x[-1]-x[0]); g=c-y
    return int(x[np.argmax(g)]) if g.max()>0 else None
def gap(r, n):
    ks=[1]+[e['k'] for e in r]
    # W1 obs: total SS of standardized data = n*d ; ref W1: need; approximate using k=1 not stored -> skip k=1
    ks=[e['k'] for e in r]
    obs=np.array([np.log(e['inertia']/n) for e in r])
    ref=np.array([e['logw_ref'] for e in r]); B=ref.shape[1]
    g=ref.mean(1)-obs; s=ref.std(1)*np.sqrt(1+1/B)
    for i in range(len(ks)-1):
        if g[i]>=g[i+1]-s[i+1]: return ks[i], g, s
    return None, g, s
files=sorted(glob.glob(os.path.join(out, '*.json')))
rows=[]
for f in files:
    D=json.load(open(f)); r=D['res']; t=D['k']; n=D['n']
    ks=[e['k'] for e in r]; sil=np.array([e['sil'] for e in r]); ch=np.array([e['ch'] for e in r]); db=np.array([e['db'] for e in r])
    mj=np.array([min(e['jac']) for e in r]); avj=np.array([np.mean(e['jac']) for e in r])
    gk,g,s=gap(r,n)
    res=dict(set=D['set'],true=t,sil=ks[sil.argmax()],ch=ks[ch.argmax()],db=ks[db.argmin()],stab=ks[avj.argmax()],
             knee=kneedle(ks,[e['inertia'] for e in r]),chord=chord(ks,[e['inertia'] for e in r]),gap=gk)
    ok=mj>=0.6
    gated=[i for i in range(len(ks)) if ok[i]]
    res['g_sil']=ks[max(gated,key=lambda i:sil[i])] if gated else None
    res['g_ch']=ks[max(gated,key=lambda i:ch[i])] if gated else None
    res['g_largest']=ks[max(gated)] if gated else None
    # gap restricted to gated
    gg=None
    for i in range(len(ks)-1):
        if ok[i] and g[i]>=g[i+1]-s[i+1]: gg=ks[i];break
    res['g_gap']=gg
    res['truek_minjac']=round(float(mj[ks.index(t)]),2) if t in ks else None
    res['ksil']='%.3f'%sil[ks.index(t)]
    rows.append(res)
keys=list(rows[0].keys())
print(' '.join('%8s'%k for k in keys))
for r in rows: print(' '.join('%8s'%r[k] for k in keys))
print('hits:')
for k in keys[2:]:
    if k in('truek_minjac','ksil'):continue
    print('%10s %d/%d'%(k,sum(r[k]==r['true'] for r in rows),len(rows)))
