package org.brightpaint.features.segment;

/**
 * A binary min-heap of pixels keyed by (value, insertion age): among equal values the pixel
 * pushed first comes out first, which is how scikit-image's watershed breaks ties.
 */
final class PixelHeap {
  private double[] value;
  private long[] age;
  private int[] index;
  private int size;
  private long clock;

  PixelHeap(int capacity) {
    capacity = Math.max(16, capacity);
    value = new double[capacity];
    age = new long[capacity];
    index = new int[capacity];
  }

  boolean isEmpty() {
    return size == 0;
  }

  double peekValue() {
    return value[0];
  }

  void push(double v, int pixel) {
    if (size == value.length) {
      int n = size * 2;
      value = java.util.Arrays.copyOf(value, n);
      age = java.util.Arrays.copyOf(age, n);
      index = java.util.Arrays.copyOf(index, n);
    }
    int i = size++;
    long a = clock++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (less(v, a, value[parent], age[parent])) {
        value[i] = value[parent];
        age[i] = age[parent];
        index[i] = index[parent];
        i = parent;
      } else {
        break;
      }
    }
    value[i] = v;
    age[i] = a;
    index[i] = pixel;
  }

  /** Removes the minimum and returns its pixel index. */
  int pop() {
    int top = index[0];
    size--;
    if (size > 0) {
      double v = value[size];
      long a = age[size];
      int px = index[size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int r = l + 1;
        int c = (r < size && less(value[r], age[r], value[l], age[l])) ? r : l;
        if (less(value[c], age[c], v, a)) {
          value[i] = value[c];
          age[i] = age[c];
          index[i] = index[c];
          i = c;
        } else {
          break;
        }
      }
      value[i] = v;
      age[i] = a;
      index[i] = px;
    }
    return top;
  }

  private static boolean less(double v1, long a1, double v2, long a2) {
    return v1 < v2 || (v1 == v2 && a1 < a2);
  }
}
