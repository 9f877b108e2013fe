package org.brightpaint.features.ops;

import java.util.Arrays;

/**
 * A binary min-heap of pixels keyed by (float value, insertion age), like {@link PixelHeap}: among
 * equal values the pixel pushed first comes out first, which is how scikit-image's watershed
 * breaks ties. Each entry is one {@code long}: the value's {@link RadixSort#floatKey} (whose order
 * is the float order, -0.0 equal to 0.0) in the high 32 bits and the push count in the low 32, so
 * that one comparison of two longs decides what {@link PixelHeap} decides by comparing values and
 * then ages; the pixel of each push is kept in an array indexed by its age. Every key differs
 * (ages do), so the pixels come out in the same order as from {@link PixelHeap} given the same
 * pushes, with half the memory moved per step. NaN values are refused: they have no place in the
 * float order.
 */
public final class FloatPixelHeap {
  private long[] heap;
  private int[] pixelOfAge;
  private int size;
  private int clock;

  /**
   * @param capacity initial capacity (at least 16 is used); the heap grows as needed
   */
  public FloatPixelHeap(int capacity) {
    capacity = Math.max(16, capacity);
    heap = new long[capacity];
    pixelOfAge = new int[capacity];
  }

  /** @return true when no pixel is queued */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Queues a pixel.
   *
   * @param v its key (smaller comes out first), not NaN
   * @param pixel its index
   */
  public void push(float v, int pixel) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("NaN key for pixel " + pixel);
    }
    if (clock == Integer.MAX_VALUE) {
      throw new IllegalStateException("More than " + Integer.MAX_VALUE + " pushes");
    }
    if (clock == pixelOfAge.length) {
      pixelOfAge = Arrays.copyOf(pixelOfAge, (int) Math.min(Integer.MAX_VALUE, 2L * clock));
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, 2 * size);
    }
    pixelOfAge[clock] = pixel;
    // the float order as the signed order of the high half, then the age
    long key = ((RadixSort.floatKey(v) ^ 0x80000000L) << 32) | clock++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pk = heap[parent];
      if (key >= pk) {
        break;
      }
      heap[i] = pk;
      i = parent;
    }
    heap[i] = key;
  }

  /**
   * Removes the minimum (earliest pushed among equal keys).
   *
   * @return its pixel index; the heap must not be empty
   */
  public int pop() {
    long top = heap[0];
    int n = --size;
    if (n > 0) {
      long key = heap[n];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= n) {
          break;
        }
        long ck = heap[c];
        if (c + 1 < n && heap[c + 1] < ck) {
          ck = heap[++c];
        }
        if (ck >= key) {
          break;
        }
        heap[i] = ck;
        i = c;
      }
      heap[i] = key;
    }
    return pixelOfAge[(int) top];
  }
}
