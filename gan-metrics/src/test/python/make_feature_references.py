"""Reference values for the FID / KID / IS / .npy / .npz agreement tests.

Run from the repository root with numpy and scipy (here: numpy 2.4.6, scipy 1.17.1):
    python3 gan-metrics/src/test/python/make_feature_references.py
Writes seeded inputs and expected values to gan-metrics/src/test/resources/reference/.
The formulas are those of the reference implementations, written out below:
  FID: pytorch-fid's calculate_frechet_distance (scipy.linalg.sqrtm of sigma1 @ sigma2),
       statistics mu = mean, sigma = np.cov(rowvar=False) (N-1 divisor).
  KID: the unbiased MMD^2 of Binkowski et al.'s / torch-fidelity's mmd2 with kernel
       (x.y/d + 1)^3, on one fixed pair of equal-size sets (no random subsets).
  IS:  openai improved-gan's split formula, 10 consecutive splits, np.std (population).
"""
import os
import numpy as np
from scipy import linalg

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20240605)


def stats(x):
    return x.mean(axis=0), np.cov(x, rowvar=False)


def fid(mu1, s1, mu2, s2, eps=1e-6):
    diff = mu1 - mu2
    # pytorch-fid passes disp=False, deprecated in SciPy 1.17; the matrix returned is the same.
    covmean = linalg.sqrtm(s1.dot(s2))
    if not np.isfinite(covmean).all():
        offset = np.eye(s1.shape[0]) * eps
        covmean = linalg.sqrtm((s1 + offset).dot(s2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)


def mmd2_unbiased(x, y):
    d = x.shape[1]
    kxx = (x @ x.T / d + 1) ** 3
    kyy = (y @ y.T / d + 1) ** 3
    kxy = (x @ y.T / d + 1) ** 3
    m = x.shape[0]
    return ((kxx.sum() - np.trace(kxx)) + (kyy.sum() - np.trace(kyy))) / (m * (m - 1)) \
        - 2 * kxy.sum() / (m * m)


def inception_score(p, splits=10):
    n = p.shape[0]
    scores = []
    for i in range(splits):
        part = p[(i * n // splits):((i + 1) * n // splits), :]
        kl = part * (np.log(part) - np.log(np.expand_dims(np.mean(part, 0), 0)))
        scores.append(np.exp(np.mean(np.sum(kl, 1))))
    return np.mean(scores), np.std(scores)


d = 16
a = rng.standard_normal((200, d))
mix = rng.standard_normal((d, d)) * 0.4 + np.eye(d)
b = (rng.standard_normal((150, d)) @ mix + 0.3).astype(np.float32)
np.save(os.path.join(OUT, "features_a_f64.npy"), a)
np.save(os.path.join(OUT, "features_b_f32.npy"), b)
b64 = b.astype(np.float64)

mu_a, s_a = stats(a)
mu_b, s_b = stats(b64)
np.savez(os.path.join(OUT, "stats_a.npz"), mu=mu_a, sigma=s_a)
np.save(os.path.join(OUT, "features_fortran.npy"), np.asfortranarray(a[:5, :4]))
np.save(os.path.join(OUT, "features_int32.npy"), np.arange(12, dtype=np.int32).reshape(3, 4))

# a second pair in 64 dims with strongly unequal variances per dimension
d2 = 64
c = rng.standard_normal((300, d2)) * np.linspace(0.1, 3.0, d2)
e = rng.standard_normal((260, d2)) * np.linspace(2.0, 0.2, d2) + np.linspace(-1, 1, d2)
np.save(os.path.join(OUT, "features_c_f64.npy"), c)
np.save(os.path.join(OUT, "features_e_f64.npy"), e)

logits = rng.standard_normal((103, 7)) * 2.0
p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
np.save(os.path.join(OUT, "predictions_103x7.npy"), p)
is_mean, is_std = inception_score(p)

values = {
    "fid_a_b": fid(mu_a, s_a, mu_b, s_b),
    "fid_c_e": fid(*stats(c), *stats(e)),
    "trace_sigma_a": np.trace(s_a),
    "sigma_a_0_1": s_a[0, 1],
    "mu_b_3": mu_b[3],
    "mmd2_a150_b": mmd2_unbiased(a[:150], b64),
    "mmd2_c260_e": mmd2_unbiased(c[:260], e),
    "is_mean_103x7": is_mean,
    "is_std_103x7": is_std,
}
with open(os.path.join(OUT, "feature_expected.properties"), "w") as f:
    f.write("# written by gan-metrics/src/test/python/make_feature_references.py "
            f"(numpy {np.__version__}, scipy {__import__('scipy').__version__})\n")
    for k, v in values.items():
        f.write(f"{k}={float(v)!r}\n")
print(values)
