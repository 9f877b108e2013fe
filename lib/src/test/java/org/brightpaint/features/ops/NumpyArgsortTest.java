package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumpyArgsortTest {
  /**
   * Golden permutations from NumPy 2.4.6 ({@code numpy-argsort-golden.py} next to the file says
   * how): 30 random arrays with many ties, some pre-sorted or reversed, and two arrays built by
   * McIlroy's quicksort adversary against NumPy itself, which exhaust the depth budget and so
   * exercise the heapsort fallback.
   */
  @Test
  void matchesNumpyGoldenPermutationsIncludingTiesAndTheHeapsortFallback() throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        NumpyArgsortTest.class.getResourceAsStream("numpy-argsort-golden.txt"),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          lines.add(line);
        }
      }
    }
    assertEquals(64, lines.size());
    for (int c = 0; c < lines.size(); c += 2) {
      double[] v = Arrays.stream(lines.get(c).split(" ")).mapToDouble(Double::parseDouble).toArray();
      int[] expected = Arrays.stream(lines.get(c + 1).split(" ")).mapToInt(Integer::parseInt).toArray();
      assertArrayEquals(expected, NumpyArgsort.argsort(v), "case " + c / 2);
    }
  }

  /**
   * 17 equal values (one partition, then insertion sorts, which keep equal values in place):
   * pl = 0, pr = 16, pm = 8; the pivot (index 8) is swapped with position 15; pi and pj stop at
   * every element, swapping positions (1,14), (2,13), ..., (6,9), then (7,8), which moves index
   * 15 to position 7 and index 7 to 8; they cross (pi = 8, pj = 7) and position 8 swaps with 15.
   * Result: 0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16 (NumPy 2.4.6 object argsort
   * gives the same).
   */
  @Test
  void equalValuesAreReorderedByThePartition() {
    double[] v = new double[17];
    assertArrayEquals(new int[] {0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16},
        NumpyArgsort.argsort(v));
  }

  @Test
  void maximumPositionKeepsTheLastInSortedOrderPerLabel() {
    // 16 values: insertion sort only, stable: label 1 ties at 0 and 2 -> 2; label 2 max at 5
    double[] in = {3, 1, 3, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    int[] lab = {1, 1, 1, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assertArrayEquals(new int[] {2, 5, 0}, NumpyArgsort.maximumPosition(in, lab, 3));
  }

  /** scipy's rule spelled out: walk the full argsort, the last pixel of each label wins. */
  private static int[] maximumPositionByFullSort(double[] input, int[] labels, int count) {
    int[] pos = new int[count];
    for (int p : NumpyArgsort.argsort(input)) {
      if (labels[p] >= 1 && labels[p] <= count) {
        pos[labels[p] - 1] = p;
      }
    }
    return pos;
  }

  /**
   * The pruned sort behind {@code maximumPosition} picks the same pixels as the full sort: random
   * images with few distinct values (many labels tied at their maximum, -0.0 beside 0.0), labels
   * outside 1..count and empty labels, sizes from insertion-sort-only to deep partitions, and the
   * two adversary arrays of the golden file (heapsort fallback) with random labels.
   */
  @Test
  void maximumPositionEqualsTheFullSortsChoice() throws Exception {
    java.util.Random r = new java.util.Random(7);
    List<double[]> inputs = new ArrayList<>();
    for (int size : new int[] {5, 16, 17, 40, 300, 5000, 60000}) {
      for (int distinct : new int[] {1, 2, 3, 8, 50}) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
          int q = r.nextInt(distinct);
          v[i] = q == 0 && r.nextBoolean() ? -0.0 : q * 0.5;
        }
        inputs.add(v);
      }
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        NumpyArgsortTest.class.getResourceAsStream("numpy-argsort-golden.txt"),
        StandardCharsets.UTF_8))) {
      List<String> lines = in.lines().filter(l -> !l.startsWith("#")).toList();
      for (int c = lines.size() - 4; c < lines.size(); c += 2) {
        inputs.add(Arrays.stream(lines.get(c).split(" ")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    int differentFromArgmax = 0;
    for (double[] v : inputs) {
      for (int count : new int[] {1, 3, 20, 200}) {
        int[] lab = new int[v.length];
        for (int i = 0; i < v.length; i++) {
          lab[i] = r.nextInt(count + 2); // 0 and count + 1 are ignored
        }
        int[] expected = maximumPositionByFullSort(v, lab, count);
        assertArrayEquals(expected, NumpyArgsort.maximumPosition(v, lab, count),
            v.length + " values, " + count + " labels");
        // the first pixel (raster order) at each label's maximum
        int[] first = new int[count];
        Arrays.fill(first, -1);
        for (int i = 0; i < v.length; i++) {
          int l = lab[i] - 1;
          if (l >= 0 && l < count && (first[l] < 0 || v[first[l]] < v[i])) {
            first[l] = i;
          }
        }
        for (int l = 0; l < count; l++) {
          differentFromArgmax += first[l] >= 0 && first[l] != expected[l] ? 1 : 0;
        }
      }
    }
    // the cases exercise the tie order: often the chosen pixel is not simply the first maximum
    org.junit.jupiter.api.Assertions.assertTrue(differentFromArgmax > 100, "only " + differentFromArgmax);
  }

  @Test
  void nanIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NumpyArgsort.argsort(new double[] {1, Double.NaN}));
  }
}
