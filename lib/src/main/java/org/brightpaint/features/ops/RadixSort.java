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
   * Sorts {@code v[0 .. n)} ascending in {@link Float#compare} order (-0.0f before 0.0f, NaN last
   * as the canonical NaN): the same array as {@code Arrays.sort(v, 0, n)}, because the sorted
   * sequence of a multiset of floats is unique whichever algorithm produces it. Each float maps to
   * an int whose unsigned order is that order (one-to-one on non-NaN floats); the ints are sorted
   * by LSD counting passes, of 8-bit digits below 65,536 values (an object's pixels) and 16-bit
   * digits above (a whole image), skipping a pass whose digit every key shares; then mapped back.
   *
   * @param v values, sorted in place
   * @param n how many, from the start
   */
  public static void sortFloats(float[] v, int n) {
    if (n < 2) {
      return;
    }
    int digit = n < RADIX ? 8 : DIGIT;
    int mask = (1 << digit) - 1;
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      int bits = Float.floatToIntBits(v[i]);
      key[i] = bits ^ ((bits >> 31) | Integer.MIN_VALUE);
    }
    int[] other = new int[n];
    int[] count = new int[1 << digit];
    for (int shift = 0; shift < 32; shift += digit) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(key[i] >>> shift) & mask]++;
      }
      if (count[(key[0] >>> shift) & mask] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        other[count[(key[i] >>> shift) & mask]++] = key[i];
      }
      int[] t = key;
      key = other;
      other = t;
    }
    for (int i = 0; i < n; i++) {
      int k = key[i];
      v[i] = Float.intBitsToFloat(k ^ (~(k >> 31) | Integer.MIN_VALUE));
    }
  }
}
