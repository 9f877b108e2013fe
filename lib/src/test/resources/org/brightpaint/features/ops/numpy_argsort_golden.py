"""Writes numpy-argsort-golden.txt: value lines and NumPy's float64 argsort of each.
Command: /usr/bin/python3 numpy_argsort_golden.py  (Debian bookworm python3, numpy 1.24.2, whose
float64 argsort is the introsort aquicksort_ of CellProfiler 4.0.6's era; no SIMD argsort yet).
NumPy 2.4.6's object-dtype argsort (generic npy_aquicksort), and its float64 argsort with
NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL", give the same permutations; its default
float64 argsort on an AVX-512 CPU (x86-simd-sort) does not.
Cases: random small-integer values (many ties, some sorted or reversed), and a McIlroy
"antiqsort" adversary that drives the introsort to its heapsort fallback."""
import numpy as np

def adversary(n):
    gas = n
    val = [gas] * n
    st = {'solid': 0, 'cand': 0}

    class K:
        __slots__ = ('i',)

        def __init__(self, i):
            self.i = i

        def cmp(self, o):
            x, y = self.i, o.i
            if val[x] == gas and val[y] == gas:
                z = x if x == st['cand'] else y
                val[z] = st['solid']
                st['solid'] += 1
            if val[x] == gas:
                st['cand'] = x
            elif val[y] == gas:
                st['cand'] = y
            return (val[x] > val[y]) - (val[x] < val[y])

        def __lt__(self, o):
            return self.cmp(o) < 0

        def __gt__(self, o):
            return self.cmp(o) > 0

        def __eq__(self, o):
            return self.cmp(o) == 0

    a = np.empty(n, dtype=object)
    for i in range(n):
        a[i] = K(i)
    a.argsort()
    for i in range(n):
        if val[i] == gas:
            val[i] = st['solid']
            st['solid'] += 1
    return np.array(val, dtype=np.float64)

rng = np.random.default_rng(11)
cases = []
for c in range(30):
    n = int(rng.integers(1, 400))
    v = rng.integers(0, int(rng.integers(1, 9)), n).astype(np.float64)
    if c % 3 == 0:
        v = np.sqrt(v)
    if c % 5 == 0:
        v = np.sort(v)
    if c % 7 == 0:
        v = np.sort(v)[::-1].copy()
    cases.append(v)
k = adversary(600)
cases += [k, np.floor(k / 3)]
with open('numpy-argsort-golden.txt', 'w') as f:
    f.write('# NumPy %s float64 argsort; see numpy_argsort_golden.py\n' % np.__version__)
    for v in cases:
        f.write(' '.join(repr(float(x)) for x in v) + '\n')
        f.write(' '.join(map(str, v.argsort())) + '\n')
