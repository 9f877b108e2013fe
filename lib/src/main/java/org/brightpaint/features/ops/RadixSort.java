package org.brightpaint.features.ops;

import java.util.Arrays;

/**
 * Stable least-significant-digit radix sort of unsigned 64-bit keys carrying an int payload, in
 * 16-bit digits (four counting passes at most; a digit shared by every key is skipped). With
 * {@link #doubleKey} or {@link #floatKey} the unsigned key order is the floating-point order
 * ({@link Double#compare}: -0.0 before 0.0, NaN last), so sorting ranks values without a
 * comparison sort. Being stable, the result is fully determined: equal keys keep their payloads'
 * input order.
 */
public final class RadixSort {

  private static final int DIGIT = 16;
  private static final int RADIX = 1 << DIGIT;

  private RadixSort() {}

  /**
   * @param v a double
   * @return a key whose unsigned order is {@link Double#compare}'s order of {@code v}
   */
  public static long doubleKey(double v) {
    long bits = Double.doubleToLongBits(v);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE) ^ Long.MIN_VALUE;
  }

  /**
   * @param key a key from {@link #doubleKey}
   * @return the double it was made from
   */
  public static double doubleOf(long key) {
    long k = key ^ Long.MIN_VALUE;
    return Double.longBitsToDouble(k ^ ((k >> 63) & Long.MAX_VALUE));
  }

  /**
   * @param v a float (-0.0f is keyed as 0.0f)
   * @return a key, in [0, 2^32), whose unsigned order is the float order of {@code v}
   */
  public static long floatKey(float v) {
    int bits = Float.floatToIntBits(v + 0.0f);
    return ((bits ^ ((bits >> 31) & 0x7fffffff)) ^ 0x80000000) & 0xffffffffL;
  }

  /**
   * Sorts {@code keys} ascending as unsigned numbers, moving {@code payload} with them, in place.
   *
   * @param keys n keys
   * @param payload n values that travel with their keys (e.g. pixel indices)
   */
  public static void sort(long[] keys, int[] payload) {
    int n = keys.length;
    if (payload.length != n) {
      throw new IllegalArgumentException("keys and payload differ in length: " + n + " vs " + payload.length);
    }
    if (n < 2) {
      return;
    }
    long[] key = keys;
    int[] at = payload;
    long[] key2 = new long[n];
    int[] at2 = new int[n];
    int[] count = new int[RADIX];
    for (int shift = 0; shift < 64; shift += DIGIT) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (key[i] >>> shift) & (RADIX - 1)]++;
      }
      if (count[(int) (key[0] >>> shift) & (RADIX - 1)] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int pos = count[(int) (key[i] >>> shift) & (RADIX - 1)]++;
        key2[pos] = key[i];
        at2[pos] = at[i];
      }
      long[] tk = key;
      key = key2;
      key2 = tk;
      int[] ta = at;
      at = at2;
      at2 = ta;
    }
    if (key != keys) {
      System.arraycopy(key, 0, keys, 0, n);
      System.arraycopy(at, 0, payload, 0, n);
    }
  }
  /**
   * A sorted copy of floats, the same array as {@code Arrays.sort} makes of a copy: each float's
   * bits are mapped to an int whose unsigned order is {@link Float#compare}'s order (-0.0 before
   * 0.0, NaN last as the canonical NaN), the ints are sorted by two 16-bit counting passes, and
   * mapped back. The mapping is one-to-one on non-NaN floats, so the sorted sequence of floats is
   * the only one there is, whichever algorithm sorts it.
   *
   * @param values the floats, not modified
   * @return them in ascending order
   */
  public static float[] sortedCopy(float[] values) {
    int n = values.length;
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      int bits = Float.floatToIntBits(values[i]);
      key[i] = bits ^ ((bits >> 31) | Integer.MIN_VALUE);
    }
    int[] count = new int[RADIX];
    for (int i = 0; i < n; i++) {
      count[key[i] & (RADIX - 1)]++;
    }
    int[] low = key;
    if (n > 0 && count[key[0] & (RADIX - 1)] != n) {
      low = new int[n];
      prefixSums(count);
      for (int i = 0; i < n; i++) {
        low[count[key[i] & (RADIX - 1)]++] = key[i];
      }
    }
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      count[low[i] >>> DIGIT]++;
    }
    prefixSums(count);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      int k = low[i];
      int bits = k ^ (~(k >> 31) | Integer.MIN_VALUE);
      out[count[k >>> DIGIT]++] = Float.intBitsToFloat(bits);
    }
    return out;
  }

  /** Turns counts into the start of each digit's range. */
  private static void prefixSums(int[] count) {
    int sum = 0;
    for (int d = 0; d < count.length; d++) {
      int c = count[d];
      count[d] = sum;
      sum += c;
    }
  }
}
