package org.brightpaint.features.ops;

/**
 * A binary min-heap of pixels keyed by (value, insertion age): among equal values the pixel
 * pushed first comes out first, which is how scikit-image's watershed breaks ties. Used by the
 * watershed, by Propagation and by geodesic distances (Dijkstra).
 */
public final class PixelHeap {
  private double[] value;
  private long[] age;
  private int[] index;
  private int size;
  private long clock;

  /**
   * @param capacity initial capacity (at least 16 is used); the heap grows as needed
   */
  public PixelHeap(int capacity) {
    capacity = Math.max(16, capacity);
    value = new double[capacity];
    age = new long[capacity];
    index = new int[capacity];
  }

  /** @return true when no pixel is queued */
  public boolean isEmpty() {
    return size == 0;
  }

  /** @return the key of the pixel {@link #pop} would return; the heap must not be empty */
  public double peekValue() {
    return value[0];
  }

  /**
   * Queues a pixel.
   *
   * @param v its key (smaller comes out first)
   * @param pixel its index
   */
  public void push(double v, int pixel) {
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

  /**
   * Removes the minimum (earliest pushed among equal keys).
   *
   * @return its pixel index; the heap must not be empty
   */
  public int pop() {
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
