package org.brightpaint.features.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes over-splitting after declumping by a scale-free neck rule. For each pair of touching
 * pieces {@code a, b} the saddle {@code s(a, b)} is the largest distance-to-background on their
 * dividing line ({@code max over 4-adjacent pixel pairs p in a, q in b of min(d(p), d(q))}), and
 * each piece's height {@code h(a)} is its largest distance (the radius of its largest inscribed
 * disk). Pairs are visited from the widest saddle down; two pieces (or the groups already merged
 * into them) join when {@code s(a, b) >= ratio * min(h(A), h(B))}. Two round nuclei touching
 * along a short line keep apart (narrow neck: {@code s} well below either radius); one elongated
 * or kidney-shaped nucleus that the maxima split into several pieces joins again (the dividing
 * line runs across its full width, {@code s} close to the radius). Because {@code s} and
 * {@code h} are both lengths measured on the same object, the rule is the same for 6 px and 60 px
 * nuclei, unlike a fixed maxima suppression distance in pixels.
 *
 * <p>This is the classic "dynamics" or h-maxima criterion of the distance transform with a
 * relative height (P. Soille, Morphological Image Analysis, 2nd ed., Springer 2003, sec. 6.3.5);
 * CellProfiler's {@code IdentifyPrimaryObjects} has no such step.
 */
public final class NeckMerge {

  private NeckMerge() {}

  /**
   * Merges pieces joined by a wide neck.
   *
   * @param pieces {@code width * height} labels (0 background), not modified
   * @param distance {@code width * height} distance of each pixel to the background (px)
   * @param width columns
   * @param height rows
   * @param ratio neck ratio in (0, 1]
   * @return merged labels (each group takes its smallest label; numbering not compacted)
   */
  public static int[] merge(int[] pieces, float[] distance, int width, int height, double ratio) {
    int n = 0;
    for (int v : pieces) {
      n = Math.max(n, v);
    }
    float[] peak = new float[n + 1];
    for (int i = 0; i < pieces.length; i++) {
      peak[pieces[i]] = Math.max(peak[pieces[i]], distance[i]);
    }
    Map<Long, Float> saddle = new HashMap<>();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int a = pieces[p];
        if (a == 0) {
          continue;
        }
        if (x + 1 < width) {
          touch(saddle, a, pieces[p + 1], Math.min(distance[p], distance[p + 1]));
        }
        if (y + 1 < height) {
          touch(saddle, a, pieces[p + width], Math.min(distance[p], distance[p + width]));
        }
      }
    }
    List<Map.Entry<Long, Float>> pairs = new ArrayList<>(saddle.entrySet());
    // widest saddle first; ties by pair key so the result does not depend on hash order
    pairs.sort((e1, e2) -> {
      int c = Float.compare(e2.getValue(), e1.getValue());
      return c != 0 ? c : Long.compare(e1.getKey(), e2.getKey());
    });
    int[] parent = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      parent[i] = i;
    }
    for (Map.Entry<Long, Float> e : pairs) {
      int ra = find(parent, (int) (e.getKey() >>> 32));
      int rb = find(parent, (int) (long) e.getKey());
      if (ra == rb) {
        continue;
      }
      if (e.getValue() >= ratio * Math.min(peak[ra], peak[rb])) {
        int lo = Math.min(ra, rb);
        int hi = Math.max(ra, rb);
        parent[hi] = lo;
        peak[lo] = Math.max(peak[lo], peak[hi]);
      }
    }
    int[] out = new int[pieces.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = pieces[i] == 0 ? 0 : find(parent, pieces[i]);
    }
    return out;
  }

  private static void touch(Map<Long, Float> saddle, int a, int b, float s) {
    if (b == 0 || b == a) {
      return;
    }
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    saddle.merge(key, s, Math::max);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
