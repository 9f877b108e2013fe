package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) over one network, with its state (step count, first and second
 * moments) exposed so that checkpoints hold it and a resumed run continues bit-for-bit. DJL's own
 * Adam keeps its moments private, hence this class.
 *
 * <p>For each trainable parameter {@code w} with gradient {@code g}, at update {@code t}:
 * <pre>
 * m = beta1 m + (1 - beta1) g
 * v = beta2 v + (1 - beta2) g^2
 * w = w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * then the gradient is zeroed. Parameters are keyed by their path in the block
 * ({@code block.getParameters()} names), which is stable across runs, unlike DJL parameter ids.
 *
 * <p>Reference: D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015.
 */
public final class Adam implements AutoCloseable {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final NDManager manager;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long t;

  /**
   * @param beta1 first-moment decay, in [0, 1)
   * @param beta2 second-moment decay, in [0, 1)
   * @param eps denominator guard (1e-8 in the references)
   * @param manager manager on the network's device that will own the moments
   */
  public Adam(double beta1, double beta2, double eps, NDManager manager) {
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0)) {
      throw new IllegalArgumentException("Bad Adam settings: beta1 " + beta1 + ", beta2 " + beta2 + ", eps " + eps);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.manager = manager.newSubManager();
  }

  /** @return the number of updates done */
  public long updates() {
    return t;
  }

  /**
   * One Adam update of every trainable parameter of {@code block} that has a gradient, then
   * zeroes those gradients. Call outside a gradient collector.
   *
   * @param block the network
   * @param lr the learning rate of this update
   */
  public void step(Block block, double lr) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    try (NDManager tmp = manager.newSubManager()) {
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray g = Gradients.gradientOrNull(p.getValue());
        if (g == null) {
          continue;
        }
        g.attach(tmp);
        NDArray w = p.getValue().getArray();
        String key = p.getKey();
        NDArray mk = m.computeIfAbsent(key, k -> manager.zeros(w.getShape(), w.getDataType()));
        NDArray vk = v.computeIfAbsent(key, k -> manager.zeros(w.getShape(), w.getDataType()));
        mk.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
        vk.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
        NDArray denom = g.zerosLike().addi(vk).muli((float) (1 / c2)).sqrt().addi((float) eps);
        NDArray update = g.zerosLike().addi(mk).muli((float) (lr / c1)).divi(denom);
        w.subi(update);
        g.subi(g);
      }
    }
  }

  /**
   * Writes the step count and every moment, keyed by parameter path.
   *
   * @param out the stream
   * @throws IOException when writing fails
   */
  public void save(DataOutputStream out) throws IOException {
    out.writeUTF("brightpaint-adam-1");
    out.writeLong(t);
    out.writeInt(m.size());
    for (Map.Entry<String, NDArray> e : m.entrySet()) {
      out.writeUTF(e.getKey());
      writeArray(out, e.getValue());
      writeArray(out, v.get(e.getKey()));
    }
  }

  /**
   * Replaces the state with one written by {@link #save(DataOutputStream)}.
   *
   * @param in the stream
   * @param block the network the state belongs to (parameter paths and shapes are checked)
   * @throws IOException when reading fails
   * @throws IllegalArgumentException when the state belongs to another network
   */
  public void load(DataInputStream in, Block block) throws IOException {
    String magic = in.readUTF();
    if (!"brightpaint-adam-1".equals(magic)) {
      throw new IllegalArgumentException("Not an optimiser state stream: " + magic);
    }
    long steps = in.readLong();
    int n = in.readInt();
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      params.put(p.getKey(), p.getValue());
    }
    Map<String, NDArray> nm = new LinkedHashMap<>();
    Map<String, NDArray> nv = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      Parameter p = params.get(key);
      NDArray a = readArray(in);
      NDArray b = readArray(in);
      if (p == null || !p.getArray().getShape().equals(a.getShape())) {
        throw new IllegalArgumentException("Optimiser state for '" + key + "' " + a.getShape()
            + " does not match the network");
      }
      nm.put(key, a);
      nv.put(key, b);
    }
    m.values().forEach(NDArray::close);
    v.values().forEach(NDArray::close);
    m.clear();
    v.clear();
    m.putAll(nm);
    v.putAll(nv);
    t = steps;
  }

  private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
    byte[] b = a.encode();
    out.writeInt(b.length);
    out.write(b);
  }

  private NDArray readArray(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > (1 << 30)) {
      throw new IOException("Corrupt optimiser state: array of " + len + " bytes");
    }
    byte[] b = new byte[len];
    in.readFully(b);
    try {
      return NDArray.decode(manager, b);
    } catch (RuntimeException e) {
      throw new IOException("Corrupt optimiser state array", e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
