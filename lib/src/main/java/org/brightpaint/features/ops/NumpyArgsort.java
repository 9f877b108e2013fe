package org.brightpaint.features.ops;

/**
 * NumPy's default {@code argsort} ({@code kind='quicksort'}) of a float64 array, reproduced
 * comparison for comparison, so that the order it gives to equal values (it is not stable) is
 * NumPy's. CellProfiler depends on that order wherever it calls {@code scipy.ndimage
 * .maximum_position}: scipy's {@code _select} argsorts the whole flattened input and keeps, per
 * label, the position that comes last in that order, so among pixels tied for an object's maximum
 * the one chosen is whichever the sort happened to put last.
 *
 * <p>The algorithm is NumPy's introsort {@code aquicksort_} ({@code numpy/core/src/npysort/
 * quicksort.cpp}, 1.22-1.24; {@code quicksort.c.src} in 1.17-1.21, the versions CellProfiler
 * 4.0.6 ran on), on an index array that starts as {@code 0..n-1}:
 * <ul>
 *   <li>while a partition {@code [pl, pr]} has {@code pr - pl > 15} ({@code SMALL_QUICKSORT}):
 *       median of three of {@code pl}, {@code pm = pl + (pr - pl) / 2}, {@code pr} by three
 *       conditional swaps; the pivot is parked at {@code pr - 1}; {@code pi} walks up while
 *       {@code v[pi] < pivot}, {@code pj} walks down while {@code pivot < v[pj]}, swapping until
 *       they cross; the pivot is swapped into {@code pi}; the larger side is pushed on a stack
 *       and the loop continues on the smaller side; each partition decrements a depth budget of
 *       {@code 2 * floor(log2 n)}, saved with the pushed side;</li>
 *   <li>a partition of at most 16 elements is finished by insertion sort (strict {@code <}, so
 *       equal values keep their current relative order within it);</li>
 *   <li>a partition popped with a negative depth budget is sorted by {@code aheapsort_}
 *       ({@code npysort/heapsort.cpp}): build a max-heap bottom-up, then repeatedly move the root
 *       to the end.</li>
 * </ul>
 * Comparisons are {@code a < b} on doubles; NaN is not accepted (NumPy sorts it last, with extra
 * comparisons this class does not reproduce).
 *
 * <p>Version note: NumPy 1.25 and later on x86 CPUs with AVX-512 (and 2.x with AVX2) dispatch
 * float64 {@code argsort} to the vectorised x86-simd-sort, which orders ties differently; the
 * generic path that object arrays take ({@code npy_aquicksort}) still runs this algorithm.
 * Checked against NumPy 2.4.6's object-array argsort, see {@code NumpyArgsortTest}.
 *
 * <p>References: NumPy {@code numpy/core/src/npysort/quicksort.cpp} ({@code aquicksort_}),
 * {@code heapsort.cpp} ({@code aheapsort_}), {@code npysort_common.h} ({@code npy_get_msb});
 * scipy {@code scipy/ndimage/_measurements.py} ({@code _select}, {@code maximum_position}).
 */
public final class NumpyArgsort {
  /** NumPy's {@code SMALL_QUICKSORT}: partitions of at most this + 1 elements use insertion sort. */
  private static final int SMALL_QUICKSORT = 15;
  /** NumPy's {@code PYA_QS_STACK} (bits of npy_intp times 2). */
  private static final int STACK = 128;

  private NumpyArgsort() {}

  /**
   * @param v values, length n, no NaN
   * @return the permutation NumPy's {@code v.argsort()} returns: indices into {@code v}, values
   *     ascending, ties in NumPy's (unstable) order
   * @throws IllegalArgumentException on a NaN
   */
  public static int[] argsort(double[] v) {
    checkNoNan(v);
    int n = v.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    // k[i] == v[a[i]] throughout: the values travel with their indices, so every comparison reads
    // neighbouring memory (the same comparisons and moves as NumPy's, which reads v[a[i]])
    introsort(v.clone(), a, false);
    return a;
  }

  /**
   * NumPy's {@code aquicksort_} on {@code k} with the indices {@code a} moving alongside.
   *
   * <p>With {@code pruned}, entries of {@code a} below 0 mark elements whose final order matters
   * (an element with index i is stored as {@code ~i}); a partition holding fewer than two marked
   * elements is left unsorted. Partitions are disjoint ranges whose contents and depth budget
   * depend only on the partitions above them, so every partition that is sorted is sorted exactly
   * as in the full sort, and two marked elements end in the same relative order as there: either
   * a partition separated them (and the ranges never mix again) or they shared every partition
   * down to the insertion sort or heapsort, all of which ran.
   *
   * @param k values, permuted in place
   * @param a indices, permuted in place (marked ones negative when {@code pruned})
   * @param pruned whether to skip partitions with fewer than two marked elements
   */
  private static void introsort(double[] k, int[] a, boolean pruned) {
    int n = a.length;
    if (n < 2) {
      return;
    }
    int[] stack = new int[STACK];
    int[] depth = new int[STACK];
    int[] marked = new int[STACK / 2];
    int sp = 0;
    int dp = 0;
    int pl = 0;
    int pr = n - 1;
    int cdepth = msb(n) * 2;
    int cnt = pruned ? countMarked(a, 0, n - 1) : 2;
    for (;;) {
      if (cnt < 2) {
        // pruned: nothing in [pl, pr] to order
      } else if (cdepth < 0) {
        heapsort(k, a, pl, pr - pl + 1);
      } else {
        while (pr - pl > SMALL_QUICKSORT) {
          int pm = pl + ((pr - pl) >> 1);
          if (k[pm] < k[pl]) {
            swap(k, a, pm, pl);
          }
          if (k[pr] < k[pm]) {
            swap(k, a, pr, pm);
          }
          if (k[pm] < k[pl]) {
            swap(k, a, pm, pl);
          }
          double vp = k[pm];
          int pi = pl;
          int pj = pr - 1;
          swap(k, a, pm, pj);
          for (;;) {
            do {
              ++pi;
            } while (k[pi] < vp);
            do {
              --pj;
            } while (vp < k[pj]);
            if (pi >= pj) {
              break;
            }
            swap(k, a, pi, pj);
          }
          swap(k, a, pi, pr - 1);
          int left = 2;
          int right = 2;
          if (pruned) {
            int pivot = a[pi] < 0 ? 1 : 0;
            if (pi - pl < pr - pi) {
              left = countMarked(a, pl, pi - 1);
              right = cnt - left - pivot;
            } else {
              right = countMarked(a, pi + 1, pr);
              left = cnt - right - pivot;
            }
          }
          if (pi - pl < pr - pi) {
            marked[sp >> 1] = right;
            stack[sp++] = pi + 1;
            stack[sp++] = pr;
            pr = pi - 1;
            cnt = left;
          } else {
            marked[sp >> 1] = left;
            stack[sp++] = pl;
            stack[sp++] = pi - 1;
            pl = pi + 1;
            cnt = right;
          }
          depth[dp++] = --cdepth;
          if (cnt < 2) {
            break;
          }
        }
        if (cnt >= 2) {
          for (int pi = pl + 1; pi <= pr; ++pi) {
            int vi = a[pi];
            double vv = k[pi];
            int pj = pi;
            while (pj > pl && vv < k[pj - 1]) {
              a[pj] = a[pj - 1];
              k[pj] = k[pj - 1];
              pj--;
            }
            a[pj] = vi;
            k[pj] = vv;
          }
        }
      }
      if (sp == 0) {
        break;
      }
      pr = stack[--sp];
      pl = stack[--sp];
      cnt = marked[sp >> 1];
      cdepth = depth[--dp];
    }
  }

  private static int countMarked(int[] a, int from, int to) {
    int c = 0;
    for (int i = from; i <= to; i++) {
      c += a[i] >>> 31;
    }
    return c;
  }

  private static void checkNoNan(double[] v) {
    for (double x : v) {
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException("NumpyArgsort does not reproduce NumPy's NaN order");
      }
    }
  }

  /**
   * scipy's {@code maximum_position(input, labels, index=1..count)} on a label image: per label,
   * the flat index that comes last among that label's pixels in {@link #argsort} of the whole
   * flattened input (scipy's {@code maxpos[labels] = positions} over the sorted order, where the
   * last write wins). Labels outside {@code 1..count} are ignored.
   *
   * <p>The last of a label's pixels in sorted order is one of its pixels equal to its maximum, so
   * only labels with several such pixels need the sort, and only those pixels' relative order:
   * they are marked and the sort skips every partition that holds fewer than two of them
   * ({@link #introsort}); the chosen positions are those of the full sort. A distance image of
   * a 1080 x 1080 site is then mostly left unsorted.
   *
   * @param input values, row-major, no NaN
   * @param labels labels, row-major, same length
   * @param count the largest label reported
   * @return flat index per label 1..count at [label - 1]; 0 for a label without pixels (scipy's)
   * @throws IllegalArgumentException on a length mismatch or a NaN
   */
  public static int[] maximumPosition(double[] input, int[] labels, int count) {
    if (input.length != labels.length) {
      throw new IllegalArgumentException(
          "input has " + input.length + " values, labels " + labels.length);
    }
    checkNoNan(input);
    int n = input.length;
    int[] pos = new int[count];
    double[] best = new double[count];
    int[] ties = new int[count];
    for (int i = 0; i < n; i++) {
      int l = labels[i] - 1;
      if (l < 0 || l >= count) {
        continue;
      }
      double x = input[i];
      if (ties[l] == 0 || best[l] < x) {
        best[l] = x;
        ties[l] = 1;
        pos[l] = i;
      } else if (x == best[l]) {
        ties[l]++;
      }
    }
    int[] a = new int[n];
    int marked = 0;
    for (int i = 0; i < n; i++) {
      int l = labels[i] - 1;
      boolean tied = l >= 0 && l < count && ties[l] > 1 && input[i] == best[l];
      a[i] = tied ? ~i : i;
      marked += tied ? 1 : 0;
    }
    if (marked == 0) {
      return pos;
    }
    introsort(input.clone(), a, true);
    for (int t : a) {
      if (t < 0) {
        pos[labels[~t] - 1] = ~t;
      }
    }
    return pos;
  }

  /** NumPy's {@code npy_get_msb}: floor(log2 n) for n &gt;= 1. */
  private static int msb(int n) {
    int d = 0;
    while ((n >>>= 1) != 0) {
      d++;
    }
    return d;
  }

  private static void swap(double[] k, int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    double u = k[i];
    k[i] = k[j];
    k[j] = u;
  }

  /**
   * NumPy's {@code aheapsort_} on positions {@code off .. off + n - 1} (1-based heap indexing),
   * values {@code k} moving with indices {@code a}.
   */
  private static void heapsort(double[] k, int[] a, int off, int n) {
    int base = off - 1; // position base + j is NumPy's a[j], j = 1..n
    for (int l = n >> 1; l > 0; --l) {
      int tmp = a[base + l];
      double tv = k[base + l];
      int i = l;
      int j = l << 1;
      while (j <= n) {
        if (j < n && k[base + j] < k[base + j + 1]) {
          j += 1;
        }
        if (tv < k[base + j]) {
          a[base + i] = a[base + j];
          k[base + i] = k[base + j];
          i = j;
          j += j;
        } else {
          break;
        }
      }
      a[base + i] = tmp;
      k[base + i] = tv;
    }
    while (n > 1) {
      int tmp = a[base + n];
      double tv = k[base + n];
      a[base + n] = a[base + 1];
      k[base + n] = k[base + 1];
      n -= 1;
      int i = 1;
      int j = 2;
      while (j <= n) {
        if (j < n && k[base + j] < k[base + j + 1]) {
          j++;
        }
        if (tv < k[base + j]) {
          a[base + i] = a[base + j];
          k[base + i] = k[base + j];
          i = j;
          j += j;
        } else {
          break;
        }
      }
      a[base + i] = tmp;
      k[base + i] = tv;
    }
  }
}
