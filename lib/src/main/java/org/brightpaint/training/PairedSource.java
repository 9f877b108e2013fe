package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Training or validation pairs, indexable so that data order can be a seeded permutation.
 * Everything is in normalised units [-1, 1] and every example has the same crop size.
 *
 * <p>The data layer's paired dataset is adapted to this by {@code PlateSources} (training
 * package); tests make tiny synthetic sources.
 */
public interface PairedSource {

  /** @return the number of examples, &gt; 0 */
  int size();

  /**
   * One example as {@code NDList(brightfield [I, H, W], fluorescence [C, H, W])}.
   *
   * @param index 0 .. size()-1
   * @param manager the manager to create the arrays in
   * @return the pair
   */
  NDList get(int index, NDManager manager);

  /**
   * A batch of examples stacked along a new axis 0: {@code NDList(bf [B,I,H,W], fl [B,C,H,W])}.
   *
   * @param indices example indices
   * @param manager the manager to create the arrays in
   * @return the batch
   */
  default NDList batch(int[] indices, NDManager manager) {
    NDList bfs = new NDList();
    NDList fls = new NDList();
    for (int i : indices) {
      NDList p = get(i, manager);
      bfs.add(p.get(0));
      fls.add(p.get(1));
    }
    NDArray bf = bfs.size() == 1 ? bfs.get(0).expandDims(0) : ai.djl.ndarray.NDArrays.stack(bfs);
    NDArray fl = fls.size() == 1 ? fls.get(0).expandDims(0) : ai.djl.ndarray.NDArrays.stack(fls);
    return new NDList(bf, fl);
  }
}
