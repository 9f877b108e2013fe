package org.brightpaint.features.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RadixSortTest {

  @Test
  void doubleKeysSortAsDoubleCompareAndStably() {
    Random rnd = new Random(3);
    int n = 5000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (rnd.nextInt(6)) {
        case 0 -> -0.0;
        case 1 -> 0.0;
        case 2 -> rnd.nextInt(5) - 2; // many ties
        case 3 -> rnd.nextGaussian() * 1e-300;
        case 4 -> rnd.nextGaussian() * 1e300;
        default -> rnd.nextGaussian();
      };
    }
    long[] keys = new long[n];
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.doubleKey(v[i]);
      at[i] = i;
    }
    RadixSort.sort(keys, at);
    Integer[] expected = new Integer[n];
    Arrays.setAll(expected, i -> i);
    // Arrays.sort on objects is stable: equal values keep their index order
    Arrays.sort(expected, Comparator.comparingDouble((Integer i) -> v[i]));
    assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), at);
    for (int i = 0; i < n; i++) {
      assertEquals(Double.doubleToLongBits(v[at[i]]), Double.doubleToLongBits(RadixSort.doubleOf(keys[i])));
    }
  }

  @Test
  void floatKeysOrderFloatsWithMinusZeroAsZero() {
    float[] v = {3f, -0.0f, -1.5f, 0.0f, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-40f};
    long[] keys = new long[v.length];
    int[] at = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      keys[i] = RadixSort.floatKey(v[i]);
      at[i] = i;
    }
    RadixSort.sort(keys, at);
    assertArrayEquals(new int[] {5, 2, 1, 3, 6, 0, 4}, at);
    assertEquals(keys[2], keys[3], "-0.0f and 0.0f share a key");
  }

  /** Bit for bit Arrays.sort: zeros of both signs, subnormals, infinities, NaN, ties, prefixes. */
  @Test
  void sortFloatsEqualsArraysSort() {
    Random rnd = new Random(11);
    float[] special = {-0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f, 0.5f};
    for (int n : new int[] {0, 1, 2, 7, 300, 5000}) {
      for (int kind = 0; kind < 3; kind++) {
        float[] v = new float[n + 3];
        for (int i = 0; i < v.length; i++) {
          v[i] = switch (kind) {
            case 0 -> special[rnd.nextInt(special.length)];
            case 1 -> (float) rnd.nextGaussian();
            default -> rnd.nextInt(65536) / 65535f;
          };
        }
        float[] expected = v.clone();
        Arrays.sort(expected, 0, n);
        RadixSort.sortFloats(v, n);
        int[] got = new int[v.length];
        int[] want = new int[v.length];
        for (int i = 0; i < v.length; i++) {
          got[i] = Float.floatToRawIntBits(v[i]);
          want[i] = Float.floatToRawIntBits(expected[i]);
        }
        assertArrayEquals(want, got, n + " values, kind " + kind);
      }
    }
  }

  @Test
  void sortFloatsIsArraysSortUpToWholeImages() {
    Random rnd = new Random(23);
    for (int t = 0; t < 300; t++) {
      int n = t < 5 ? t : rnd.nextInt(t % 10 == 0 ? 200_000 : 2000);
      float[] v = new float[n];
      int kinds = 1 + rnd.nextInt(8); // some arrays share the low or the high 16 bits
      for (int i = 0; i < n; i++) {
        v[i] = switch (rnd.nextInt(kinds)) {
          case 0 -> 0.25f;
          case 1 -> -0.0f;
          case 2 -> 0.0f;
          case 3 -> rnd.nextInt(5) - 2; // many ties
          case 4 -> (float) (rnd.nextGaussian() * 1e-40); // subnormal
          case 5 -> switch (rnd.nextInt(3)) {
            case 0 -> Float.POSITIVE_INFINITY;
            case 1 -> Float.NEGATIVE_INFINITY;
            default -> Float.NaN;
          };
          case 6 -> (float) (rnd.nextGaussian() * 1e30);
          default -> rnd.nextFloat();
        };
      }
      float[] expected = v.clone();
      Arrays.sort(expected);
      float[] actual = v.clone();
      RadixSort.sortFloats(actual, n);
      for (int i = 0; i < n; i++) {
        assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), "case " + t + ", index " + i);
      }
    }
  }
}
