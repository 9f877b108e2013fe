"""Golden values for GoldenTest, computed with scipy/scikit-image ports of CellProfiler 4.0.6 code.

Run with Debian's python3 (numpy 1.24.2, scipy 1.10.1, scikit-image 0.19.3):
    /usr/bin/python3 make_golden.py > golden.txt
Granularity and colocalization are line-by-line ports of CellProfiler's measuregranularity.py and
measurecolocalization.py (object part) using scipy.ndimage and skimage.morphology.reconstruction;
texture uses skimage.feature.graycoprops on co-occurrence matrices counted with numpy at mahotas'
displacements (symmetric, row/column 0 cleared as mahotas' ignore_zeros; scale 1 matrices equal
skimage.feature.graycomatrix's); radial distribution uses scipy's EDT and skimage.graph.MCP_Geometric for
the geodesic distance.
"""
import numpy as np
import scipy.ndimage as scind
import skimage.morphology
from skimage.feature import graycoprops
from skimage.graph import MCP_Geometric

H, W = 48, 64
rs = np.random.RandomState(0)
yy, xx = np.mgrid[0:H, 0:W]
a16 = np.clip((0.3 + 0.2 * np.sin(xx / 3.0) * np.cos(yy / 5.0) + 0.1 * rs.randn(H, W)) * 65535, 0, 65535).astype(int)
b16 = np.clip((0.2 + 0.5 * a16 / 65535.0 + 0.1 * rs.randn(H, W)) * 65535, 0, 65535).astype(int)
A = (a16 / 65535.0).astype(np.float32).astype(np.float64)
B = (b16 / 65535.0).astype(np.float32).astype(np.float64)
labels = np.zeros((H, W), int)
labels[(yy - 14) ** 2 + (xx - 15) ** 2 <= 90] = 1
labels[(yy - 30) ** 2 / 1.5 + (xx - 40) ** 2 <= 120] = 2
labels[5:14, 48:60] = 3
labels[38:45, 5:25] = 4
labels[40, 10] = 0


def strel_disk(radius):
    iradius = int(radius)
    x, y = np.mgrid[-iradius:iradius + 1, -iradius:iradius + 1]
    return (x * x + y * y <= radius * radius)


def cp_erosion(image, radius=None, footprint=None):
    if footprint is None:
        footprint = strel_disk(radius)
    else:
        radius = max(1, np.max(np.array(footprint.shape) // 2))
    ir = int(np.ceil(radius))
    big = np.ones(np.array(image.shape) + ir * 2)
    big[ir:-ir, ir:-ir] = image
    return scind.grey_erosion(big, footprint=footprint)[ir:-ir, ir:-ir]


def cp_dilation(image, radius):
    footprint = strel_disk(radius)
    ir = int(np.ceil(radius))
    big = np.zeros(np.array(image.shape) + ir * 2)
    big[ir:-ir, ir:-ir] = image
    return scind.grey_dilation(big, footprint=footprint)[ir:-ir, ir:-ir]


def granularity(im, labels, subsample, image_sample, radius, ng):
    new_shape = np.array(im.shape)
    if subsample < 1:
        new_shape = new_shape * subsample
        i, j = np.mgrid[0:new_shape[0], 0:new_shape[1]].astype(float) / subsample
        pixels = scind.map_coordinates(im, (i, j), order=1)
    else:
        pixels = im.copy()
    if image_sample < 1:
        back_shape = new_shape * image_sample
        i, j = np.mgrid[0:back_shape[0], 0:back_shape[1]].astype(float) / image_sample
        back = scind.map_coordinates(pixels, (i, j), order=1)
    else:
        back = pixels
    back = cp_erosion(back, radius)
    back = cp_dilation(back, radius)
    if image_sample < 1:
        i, j = np.mgrid[0:new_shape[0], 0:new_shape[1]].astype(float)
        i *= float(back_shape[0] - 1) / float(new_shape[0] - 1)
        j *= float(back_shape[1] - 1) / float(new_shape[1] - 1)
        back = scind.map_coordinates(back, (i, j), order=1)
    pixels = pixels - back
    pixels[pixels < 0] = 0
    nobj = labels.max()
    rng = np.arange(1, nobj + 1)
    cur = np.array(scind.mean(im, labels, rng))
    start_obj = np.maximum(cur, np.finfo(float).eps)
    startmean = np.mean(pixels)
    ero = pixels.copy()
    currentmean = startmean
    startmean = max(startmean, np.finfo(float).eps)
    fp = np.array([[False, True, False], [True, True, True], [False, True, False]])
    img_gs, obj_gs = [], []
    for _ in range(ng):
        prev = currentmean
        ero = cp_erosion(ero, footprint=fp)
        rec = skimage.morphology.reconstruction(ero, pixels, footprint=fp)
        currentmean = np.mean(rec)
        img_gs.append((prev - currentmean) * 100 / startmean)
        i, j = np.mgrid[0:im.shape[0], 0:im.shape[1]].astype(float)
        i *= float(new_shape[0] - 1) / float(im.shape[0] - 1)
        j *= float(new_shape[1] - 1) / float(im.shape[1] - 1)
        up = scind.map_coordinates(rec, (i, j), order=1)
        new = np.array(scind.mean(up, labels, rng))
        obj_gs.append((cur - new) * 100 / start_obj)
        cur = new
    return img_gs, obj_gs


def coloc(f_img, s_img, labels, thr):
    mask = labels > 0
    f = f_img[mask]
    s = s_img[mask]
    lab = labels[mask]
    rng = np.arange(1, labels.max() + 1)
    m1 = np.array(scind.mean(f, lab, rng))
    m2 = np.array(scind.mean(s, lab, rng))
    std1 = np.sqrt(np.array(scind.sum((f - m1[lab - 1]) ** 2, lab, rng)))
    std2 = np.sqrt(np.array(scind.sum((s - m2[lab - 1]) ** 2, lab, rng)))
    x = f - m1[lab - 1]
    y = s - m2[lab - 1]
    corr = np.array(scind.sum(x * y / (std1[lab - 1] * std2[lab - 1]), lab, rng))
    tff = thr / 100 * np.array(scind.maximum(f, lab, rng))
    tss = thr / 100 * np.array(scind.maximum(s, lab, rng))
    comb = (f >= tff[lab - 1]) & (s >= tss[lab - 1])
    tot_f = np.array(scind.sum(f[f >= tff[lab - 1]], lab[f >= tff[lab - 1]], rng))
    tot_s = np.array(scind.sum(s[s >= tss[lab - 1]], lab[s >= tss[lab - 1]], rng))
    M1 = np.array(scind.sum(f[comb], lab[comb], rng)) / tot_f
    M2 = np.array(scind.sum(s[comb], lab[comb], rng)) / tot_s
    [r1] = np.lexsort(([lab], [f]))
    [r2] = np.lexsort(([lab], [s]))
    u1 = np.hstack([[False], f[r1[:-1]] != f[r1[1:]]])
    u2 = np.hstack([[False], s[r2[:-1]] != s[r2[1:]]])
    rk1 = np.zeros(f.shape, int)
    rk2 = np.zeros(s.shape, int)
    rk1[r1] = np.cumsum(u1)
    rk2[r2] = np.cumsum(u2)
    R = max(rk1.max(), rk2.max()) + 1
    w = (R - abs(rk1 - rk2)) * 1.0 / R
    RWC1 = np.array(scind.sum(f[comb] * w[comb], lab[comb], rng)) / tot_f
    RWC2 = np.array(scind.sum(s[comb] * w[comb], lab[comb], rng)) / tot_s
    fpsq = np.array(scind.sum(f[comb] ** 2, lab[comb], rng))
    spsq = np.array(scind.sum(s[comb] ** 2, lab[comb], rng))
    fs = np.array(scind.sum(f[comb] * s[comb], lab[comb], rng))
    return {"Correlation": corr, "Overlap": fs / np.sqrt(fpsq * spsq), "K_AB": fs / fpsq, "K_BA": fs / spsq,
            "Manders_AB": M1, "Manders_BA": M2, "RWC_AB": RWC1, "RWC_BA": RWC2}


def texture(img, labels, scale):
    u8 = np.rint(img.astype(np.float32).astype(np.float64) * 255).clip(0, 255).astype(np.uint8)
    out = {}
    for l in range(1, labels.max() + 1):
        ys, xs = np.nonzero(labels == l)
        crop = np.where(labels == l, u8, 0)[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        # mahotas' displacements (dy, dx) * scale; skimage's angles round the diagonal offsets
        # (round(3 sin 45) = 2), so the matrices are counted with numpy and fed to graycoprops
        levels = int(crop.max()) + 1
        g = np.zeros((levels, levels, 1, 4))
        hh, ww = crop.shape
        for d, (dy, dx) in enumerate([(0, 1), (1, 1), (1, 0), (1, -1)]):
            dy, dx = dy * scale, dx * scale
            src = crop[max(0, -dy):hh - max(0, dy), max(0, -dx):ww - max(0, dx)]
            dst = crop[max(0, dy):hh + min(0, dy), max(0, dx):ww + min(0, dx)]
            assert src.shape == dst.shape and src.size > 0
            np.add.at(g[:, :, 0, d], (src.ravel(), dst.ravel()), 1)
            g[:, :, 0, d] += g[:, :, 0, d].T.copy()
        g[0, :, :, :] = 0
        g[:, 0, :, :] = 0
        for prop, name in (("ASM", "AngularSecondMoment"), ("contrast", "Contrast"),
                           ("homogeneity", "InverseDifferenceMoment"), ("correlation", "Correlation")):
            v = graycoprops(g, prop)[0]
            for d in range(4):
                out.setdefault((name, d), []).append(v[d])
    return out


def radial(img, labels, bins=4):
    res = {}
    # CellProfiler's centre: maximum_position_of_labels(d_to_edge, labels, objects.indices) =
    # scind.maximum_position over the whole distance-to-edge image with an index array, which
    # argsorts the whole image and keeps the last tied position per label (a scalar index would
    # take scipy's argmax path and the first tied pixel instead). The objects here do not touch,
    # so centrosome's colouring changes nothing: one EDT per object.
    d_to_edge = np.zeros(labels.shape)
    for l in range(1, labels.max() + 1):
        d_to_edge[labels == l] = scind.distance_transform_edt(labels == l)[labels == l]
    centres = scind.maximum_position(d_to_edge, labels, np.arange(1, labels.max() + 1))
    for l in range(1, labels.max() + 1):
        m = labels == l
        d_edge = scind.distance_transform_edt(m)
        ci, cj = centres[l - 1]
        costs = np.where(m, 1.0, np.inf)
        mcp = MCP_Geometric(costs)
        cum, _ = mcp.find_costs([(ci, cj)])
        good = m & np.isfinite(cum)
        r = cum[good] / (cum[good] + d_edge[good] + 0.001)
        b = (r * bins).astype(int)
        v = img[good]
        n = good.sum()
        ii, jj = np.nonzero(good)
        sector = (ii > ci).astype(int) + 2 * (jj > cj).astype(int) + 4 * (abs(ii - ci) > abs(jj - cj)).astype(int)
        for k in range(bins):
            frac = v[b == k].sum() / v.sum()
            res.setdefault(("FracAtD", k), []).append(frac)
            res.setdefault(("MeanFrac", k), []).append(frac / ((b == k).sum() / n + np.finfo(float).eps))
            means = [v[(b == k) & (sector == s)].mean() for s in range(8) if ((b == k) & (sector == s)).any()]
            res.setdefault(("RadialCV", k), []).append(np.std(means) / np.mean(means) if means else 0.0)
    return res


print("size", W, H)
print("A", " ".join(str(v) for v in a16.ravel()))
print("B", " ".join(str(v) for v in b16.ravel()))
print("labels", " ".join(str(v) for v in labels.ravel()))
img_gs, obj_gs = granularity(A, labels, 0.5, 0.5, 4, 16)
for n in range(16):
    print("Granularity_%d_A" % (n + 1), repr(img_gs[n]), " ".join(repr(v) for v in obj_gs[n]))
for k, v in coloc(A, B, labels, 15.0).items():
    print("coloc", k, " ".join(repr(x) for x in v))
for scale in (1, 3):
    for (name, d), v in texture(A, labels, scale).items():
        print("texture", name, scale, d, " ".join(repr(x) for x in v))
for (name, k), v in radial(A, labels).items():
    print("radial", name, k + 1, " ".join(repr(x) for x in v))


# Costes (MeasureColocalization revision 5, run_image_pair_objects): thresholds from the whole
# images by orthogonal regression and a search on Pearson r (linear_costes for Fast/Accurate,
# bisection_costes for Faster), then Manders above them per object.
import scipy.stats


def costes_regression(fi, si):
    nz = (fi > 0) | (si > 0)
    xvar = np.var(fi[nz], ddof=1)
    yvar = np.var(si[nz], ddof=1)
    xmean = np.mean(fi[nz])
    ymean = np.mean(si[nz])
    zvar = np.var(fi[nz] + si[nz], ddof=1)
    covar = 0.5 * (zvar - (xvar + yvar))
    a = ((yvar - xvar) + np.sqrt((yvar - xvar) ** 2 + 4 * covar * covar)) / (2 * covar)
    return a, ymean - a * xmean


def costes_linear(fi, si, scale, accurate):
    step = 1 / scale
    a, b = costes_regression(fi, si)
    i = step * ((max(fi.max(), si.max()) // step) + 1)
    seen = None
    r, _ = scipy.stats.pearsonr(fi, si)
    tf, ts = i, a * i + b
    while i > fi.max() and a * i + b > si.max():
        i -= step
    while i > step:
        tf, ts = i, a * i + b
        sel = (fi < tf) | (si < ts)
        try:
            cnt = np.count_nonzero(sel)
            if cnt != seen:
                r, _ = scipy.stats.pearsonr(fi[sel], si[sel])
                seen = cnt
            if r <= 0:
                break
            elif accurate or i < step * 10:
                i -= step
            elif r > 0.45:
                i -= step * 10
            elif r > 0.35:
                i -= step * 5
            elif r > 0.25:
                i -= step * 2
            else:
                i -= step
        except ValueError:
            break
    return tf, ts


def costes_bisection(fi, si, scale):
    a, b = costes_regression(fi, si)
    left, right = 1, scale
    mid = ((right - left) // (6 / 5)) + left
    last, valid = 0, 1
    while last != mid:
        tf = mid / scale
        sel = (fi < tf) | (si < a * tf + b)
        if np.count_nonzero(sel) <= 2:
            left = mid - 1
        else:
            try:
                r, _ = scipy.stats.pearsonr(fi[sel], si[sel])
                if r < 0:
                    left = mid - 1
                elif r >= 0:
                    right = mid + 1
                    valid = mid
            except ValueError:
                left = mid - 1
        last = mid
        mid = ((right - left) // (6 / 5)) + left if right - left > 6 else ((right - left) // 2) + left
    tf = (valid - 1) / scale
    return tf, a * tf + b


def costes(f_img, s_img, labels, method, scale=65535.0):
    fi, si = f_img.ravel(), s_img.ravel()
    if method == "Faster":
        tf, ts = costes_bisection(fi, si, scale)
    else:
        tf, ts = costes_linear(fi, si, scale, method == "Accurate")
    m = labels > 0
    lab, fp, sp = labels[m], f_img[m], s_img[m]
    lrange = np.arange(1, labels.max() + 1)
    both = (fp > tf) & (sp > ts)
    c1 = np.zeros(len(lrange))
    c2 = np.zeros(len(lrange))
    if both.any():
        tot1 = np.array(scind.sum(fp[fp >= tf], lab[fp >= tf], lrange))
        tot2 = np.array(scind.sum(sp[sp >= ts], lab[sp >= ts], lrange))
        c1 = np.array(scind.sum(fp[both], lab[both], lrange)) / tot1
        c2 = np.array(scind.sum(sp[both], lab[both], lrange)) / tot2
    return tf, ts, c1, c2


for method in ("Faster", "Fast", "Accurate"):
    tf, ts, c1, c2 = costes(A, B, labels, method)
    print("costes", method, repr(tf), repr(ts), " ".join(repr(x) for x in c1), "|", " ".join(repr(x) for x in c2))


def cp_outline(labels):
    # centrosome.outline.outline
    output = np.zeros(labels.shape, labels.dtype)
    lr = labels[1:, :] != labels[:-1, :]
    ud = labels[:, 1:] != labels[:, :-1]
    d1 = labels[1:, 1:] != labels[:-1, :-1]
    d2 = labels[1:, :-1] != labels[:-1, 1:]
    different = np.zeros(labels.shape, bool)
    different[1:, :][lr] = True
    different[:-1, :][lr] = True
    different[:, 1:][ud] = True
    different[:, :-1][ud] = True
    different[1:, 1:][d1] = True
    different[:-1, :-1][d1] = True
    different[1:, :-1][d2] = True
    different[:-1, 1:][d2] = True
    different[0, :] = True
    different[:, 0] = True
    different[-1, :] = True
    different[:, -1] = True
    output[different] = labels[different]
    return output


def neighbors(labels, distance):
    # measureobjectneighbors.run, neighbours are the objects themselves, nothing discarded
    nobjects = labels.max()
    idx = np.arange(1, nobjects + 1)
    ocenters = np.array([[np.mean(np.nonzero(labels == l)[0]), np.mean(np.nonzero(labels == l)[1])] for l in idx])
    outl = cp_outline(labels)
    perimeters = np.array(scind.sum(np.ones(labels.shape), outl, idx))
    i, j = np.mgrid[0:nobjects, 0:nobjects]
    dm = np.sqrt((ocenters[i, 0] - ocenters[j, 0]) ** 2 + (ocenters[i, 1] - ocenters[j, 1]) ** 2)
    order = np.lexsort([dm])
    first = order[:, 1]
    second = order[:, 2]
    fx = ocenters[first, 1] - ocenters[:, 1]
    fy = ocenters[first, 0] - ocenters[:, 0]
    sx = ocenters[second, 1] - ocenters[:, 1]
    sy = ocenters[second, 0] - ocenters[:, 0]
    v1 = np.array((fx, fy))
    v2 = np.array((sx, sy))
    dot = np.sum(v1 * v2, 0) / np.sqrt(np.sum(v1 ** 2, 0) * np.sum(v2 ** 2, 0))
    angle = np.arccos(dot) * 180.0 / np.pi
    strel = strel_disk(distance)
    strel_t = strel_disk(distance + 0.5)
    count = np.zeros(nobjects)
    pixel_count = np.zeros(nobjects)
    for l in idx:
        ys, xs = np.nonzero(labels == l)
        i0, i1 = max(ys.min() - distance, 0), min(ys.max() + distance + 1, labels.shape[0])
        j0, j1 = max(xs.min() - distance, 0), min(xs.max() + distance + 1, labels.shape[1])
        patch = labels[i0:i1, j0:j1]
        ext = scind.binary_dilation(patch == l, strel)
        nb = np.unique(patch[ext])
        nb = nb[(nb != 0) & (nb != l)]
        count[l - 1] = len(nb)
        extendme = (patch != 0) & (patch != l)
        ext2 = scind.binary_dilation(extendme, strel_t)
        pixel_count[l - 1] = np.sum((outl[i0:i1, j0:j1] == l) & ext2)
    return {"NumberOfNeighbors": count, "FirstClosestObjectNumber": first + 1,
            "FirstClosestDistance": np.sqrt(fx ** 2 + fy ** 2), "SecondClosestObjectNumber": second + 1,
            "SecondClosestDistance": np.sqrt(sx ** 2 + sy ** 2), "AngleBetweenNeighbors": angle,
            "PercentTouching": pixel_count * 100 / perimeters}


NH, NW = 40, 50
seeds = rs.uniform(3, [NH - 3, NW - 3], size=(9, 2))
ny, nx = np.mgrid[0:NH, 0:NW]
dist = np.stack([(ny - sy) ** 2 + (nx - sx) ** 2 for sy, sx in seeds])
nl = np.argmin(dist, 0) + 1
nl[np.min(dist, 0) > 7.5 ** 2] = 0
print("nsize", NW, NH)
print("nlabels", " ".join(str(v) for v in nl.ravel()))
for d in (2, 1):
    for k, v in neighbors(nl, d).items():
        print("neighbors", k, d, " ".join(repr(float(x)) for x in v))
