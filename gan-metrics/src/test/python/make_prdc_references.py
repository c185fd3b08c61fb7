"""Reference values for the precision / recall / density / coverage agreement tests.

Run from the repository root with numpy and scipy (here: numpy 2.4.6, scipy 1.17.1):
    python3 gan-metrics/src/test/python/make_prdc_references.py
Writes prdc_expected.properties (and the clustered feature pair) to
gan-metrics/src/test/resources/reference/.

compute_prdc below is prdc/prdc.py of the prdc package (clovaai/generative-evaluation-prdc, 0.2,
commit 82db9ac), written out: radii = (k+1)-th smallest of each row of the full pairwise matrix
(argpartition + max, the zero self-distance included), strict `<` everywhere. prdc computes distances
with sklearn.metrics.pairwise_distances(metric='euclidean'); scikit-learn is not installed here, so
sklearn_euclidean transcribes its float64 path (euclidean_distances: -2 X.Y^T + |x|^2 + |y|^2,
clipped at 0, diagonal set to 0 when X is Y, square root). Every value is also recomputed with
scipy's cdist (direct sums) and must be identical, and the smallest relative gap between a distance
and the radius it is compared with is printed: ties closer than rounding would make a reference
depend on the distance formula.
"""
import os
import numpy as np
from scipy.spatial.distance import cdist

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")


def sklearn_euclidean(x, y=None):
    same = y is None
    if same:
        y = x
    xx = np.einsum("ij,ij->i", x, x)[:, np.newaxis]
    yy = np.einsum("ij,ij->i", y, y)[np.newaxis, :]
    d = -2 * (x @ y.T)
    d += xx
    d += yy
    np.maximum(d, 0, out=d)
    if same:
        np.fill_diagonal(d, 0)
    return np.sqrt(d)


def scipy_euclidean(x, y=None):
    return cdist(x, x if y is None else y)


def get_kth_value(unsorted, k, axis=-1):
    indices = np.argpartition(unsorted, k, axis=axis)[..., :k]
    k_smallests = np.take_along_axis(unsorted, indices, axis=axis)
    return k_smallests.max(axis=axis)


def compute_prdc(real, fake, nearest_k, pairwise, gaps=None):
    real_r = get_kth_value(pairwise(real), k=nearest_k + 1, axis=-1)
    fake_r = get_kth_value(pairwise(fake), k=nearest_k + 1, axis=-1)
    d = pairwise(real, fake)
    precision = (d < np.expand_dims(real_r, axis=1)).any(axis=0).mean()
    recall = (d < np.expand_dims(fake_r, axis=0)).any(axis=1).mean()
    density = (1. / float(nearest_k)) * (d < np.expand_dims(real_r, axis=1)).sum(axis=0).mean()
    coverage = (d.min(axis=1) < real_r).mean()
    if gaps is not None:
        gaps.append(np.min(np.abs(d - real_r[:, None]) / real_r[:, None]))
        gaps.append(np.min(np.abs(d - fake_r[None, :]) / fake_r[None, :]))
    return dict(precision=precision, recall=recall, density=density, coverage=coverage)


def load(name):
    return np.load(os.path.join(REF, name)).astype(np.float64)


a, b = load("features_a_f64.npy"), load("features_b_f32.npy")
c, e = load("features_c_f64.npy"), load("features_e_f64.npy")

# 8 well separated clusters in 8-d; the fake set covers 4 of them, a little wider: recall and coverage near 1/2.
rng = np.random.default_rng(20240611)
centres = rng.standard_normal((8, 8)) * 6
real = centres[rng.integers(0, 8, 240)] + rng.standard_normal((240, 8))
fake = centres[rng.integers(0, 4, 160)] + 1.3 * rng.standard_normal((160, 8)) + 0.2
np.save(os.path.join(REF, "prdc_clusters_real.npy"), real)
np.save(os.path.join(REF, "prdc_clusters_fake.npy"), fake)

cases = {
    "a_b": (a, b, [1, 3, 5, 10]),
    "b_a": (b, a, [5]),
    "c_e": (c, e, [2, 5]),
    "clusters": (real, fake, [1, 5, 7]),
}
values = {}
gaps = []
for name, (x, y, ks) in cases.items():
    for k in ks:
        ref = compute_prdc(x, y, k, sklearn_euclidean, gaps)
        direct = compute_prdc(x, y, k, scipy_euclidean)
        assert ref == direct, (name, k, ref, direct)
        for key, v in ref.items():
            values[f"{name}_k{k}_{key}"] = v
print("smallest relative gap between a distance and a radius:", min(gaps))
assert min(gaps) > 1e-9

with open(os.path.join(REF, "prdc_expected.properties"), "w") as f:
    f.write("# written by gan-metrics/src/test/python/make_prdc_references.py "
            f"(numpy {np.__version__}, scipy {__import__('scipy').__version__}); real_fake_k<k>_<metric>\n")
    f.write(f"# smallest relative gap between a compared distance and its radius: {min(gaps):.3g}\n")
    for k, v in values.items():
        f.write(f"{k}={float(v)!r}\n")
for k, v in values.items():
    print(k, v)
