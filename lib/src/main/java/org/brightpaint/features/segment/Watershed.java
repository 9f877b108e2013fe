package org.brightpaint.features.segment;

import org.brightpaint.features.ops.FloatPixelHeap;
import org.brightpaint.features.ops.PixelNeighbours;

/**
 * Seeded watershed by priority flooding, as {@code skimage.segmentation.watershed} with 8- or
 * 4-connectivity and compactness 0: marker pixels enter a queue keyed by image value; the lowest
 * pixel is taken (ties: first in, first out) and gives its label to each unlabelled neighbour in
 * the mask, which enters the queue with its own value.
 *
 * <p>The queue is a {@link FloatPixelHeap} (the float value and the push count packed in one
 * {@code long}), which pops pixels in the same order as {@link org.brightpaint.features.ops.PixelHeap}
 * given the same pushes; so every pixel is claimed by the same marker as with a double-keyed heap.
 * Marker pixels with no unlabelled neighbour in the mask (the inside of a marker object) are not
 * queued: popping them would label nothing.
 *
 * <p>Reference: F. Meyer, "Topographic distance and watershed lines", Signal Processing 38 (1994)
 * 113-125, doi:10.1016/0165-1684(94)90060-4.
 */
public final class Watershed {

  private Watershed() {}

  /**
   * Floods from the markers.
   *
   * @param image {@code width * height} values (lower floods first), not NaN
   * @param markers seed labels (&gt; 0), 0 elsewhere; not modified
   * @param mask pixels that may be labelled, or null for all; markers outside it are kept
   * @param width columns
   * @param height rows
   * @param eightConnected 8-connectivity when true
   * @return labels: every mask pixel connected to a marker gets one, others 0
   */
  public static int[] flood(float[] image, int[] markers, boolean[] mask, int width, int height, boolean eightConnected) {
    int[] out = markers.clone();
    FloatPixelHeap heap = new FloatPixelHeap(1024);
    int[] nb = new int[PixelNeighbours.MAX];
    for (int i = 0; i < out.length; i++) {
      if (out[i] > 0 && canClaim(i, out, mask, width, height, eightConnected, nb)) {
        heap.push(image[i], i);
      }
    }
    while (!heap.isEmpty()) {
      int p = heap.pop();
      int l = out[p];
      int n = PixelNeighbours.of(p, width, height, eightConnected, nb);
      for (int k = 0; k < n; k++) {
        int q = nb[k];
        if (out[q] != 0 || (mask != null && !mask[q])) {
          continue;
        }
        out[q] = l;
        heap.push(image[q], q);
      }
    }
    return out;
  }

  /**
   * Whether marker pixel {@code p} has a neighbour it could claim: one unlabelled and in the
   * mask. A marker without one labels nothing when popped (labels are never removed, and the mask
   * does not change), so leaving it out of the queue changes no label; the other pixels keep their
   * order, which depends only on their values and the order in which they were pushed.
   */
  private static boolean canClaim(int p, int[] out, boolean[] mask, int width, int height, boolean eightConnected,
      int[] nb) {
    int n = PixelNeighbours.of(p, width, height, eightConnected, nb);
    for (int k = 0; k < n; k++) {
      int q = nb[k];
      if (out[q] == 0 && (mask == null || mask[q])) {
        return true;
      }
    }
    return false;
  }
}
