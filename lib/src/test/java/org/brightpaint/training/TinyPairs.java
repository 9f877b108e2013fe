package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Tiny synthetic pairs for loop tests: brightfield is a sum of blobs, each fluorescent channel a
 * fixed smooth function of the brightfield (so a network can learn it), all in [-1, 1].
 */
final class TinyPairs implements PairedSource {

  private final int count;
  private final int size;
  private final int channels;
  private final boolean poison;

  TinyPairs(int count, int size) {
    this(count, size, 5, false);
  }

  TinyPairs(int count, int size, int channels, boolean poisonWithNaN) {
    this.count = count;
    this.size = size;
    this.channels = channels;
    this.poison = poisonWithNaN;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public NDList get(int index, NDManager manager) {
    float[] bf = new float[3 * size * size];
    float[] fl = new float[channels * size * size];
    double cx = size * (0.3 + 0.4 * ((index * 7919) % 13) / 13.0);
    double cy = size * (0.3 + 0.4 * ((index * 104729) % 11) / 11.0);
    double r = size / 5.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
        double blob = Math.exp(-d2);
        int p = y * size + x;
        bf[p] = (float) (blob - 0.5);
        bf[size * size + p] = (float) (0.8 * blob - 0.2 * Math.sin(x * 0.5));
        bf[2 * size * size + p] = (float) (0.5 - blob);
        for (int c = 0; c < channels; c++) {
          fl[c * size * size + p] = (float) (2 * Math.exp(-d2 * (c + 1) / 2.0) - 1);
        }
      }
    }
    if (poison) {
      fl[0] = Float.NaN;
    }
    NDArray a = manager.create(bf, new Shape(3, size, size));
    NDArray b = manager.create(fl, new Shape(channels, size, size));
    return new NDList(a, b);
  }
}
