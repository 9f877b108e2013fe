package org.brightpaint.eval;

import java.util.function.ToIntFunction;
import smile.classification.OneVersusOne;
import smile.classification.OneVersusRest;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * A support vector machine (Smile 6.3) for k &gt;= 2 classes on standardized features.
 *
 * <p>Two classes: one binary SVM (labels mapped to -1/+1). More classes: one-vs-rest (default)
 * or one-vs-one ensembles of binary SVMs. Kernels: linear (Smile's {@code LinearSVM}) or Gaussian
 * {@code k(x, y) = exp(-||x - y||^2 / (2 sigma^2))} with {@code sigma = sqrt(d)} by default (the
 * scale of standardized d-dimensional data, as scikit-learn's {@code gamma="scale"}: gamma =
 * 1/(d var) = 1/d).
 *
 * <p>Reference: C. Cortes, V. Vapnik, "Support-vector networks", Machine Learning 20, 1995,
 * doi:10.1007/BF00994018.
 */
public final class SvmClassifier {
  /** Kernel choice. */
  public enum Kernel {
    /** Linear kernel. */
    LINEAR,
    /** Gaussian (RBF) kernel. */
    GAUSSIAN
  }

  /** Multi-class strategy. */
  public enum Multiclass {
    /** One binary SVM per class against the rest. */
    ONE_VS_REST,
    /** One binary SVM per pair of classes, majority vote. */
    ONE_VS_ONE
  }

  /**
   * SVM options.
   *
   * @param kernel the kernel
   * @param c soft-margin penalty C &gt; 0
   * @param sigma Gaussian kernel width; &lt;= 0 selects sqrt(d)
   * @param multiclass strategy for more than two classes
   */
  public record Options(Kernel kernel, double c, double sigma, Multiclass multiclass) {
    /** Validates. */
    public Options {
      if (!(c > 0)) {
        throw new IllegalArgumentException("Invalid soft margin penalty parameter: " + c);
      }
    }

    /** @return linear kernel, C = 1, one-vs-rest */
    public static Options linear() {
      return new Options(Kernel.LINEAR, 1.0, 0, Multiclass.ONE_VS_REST);
    }

    /** @return Gaussian kernel, C = 1, sigma = sqrt(d), one-vs-rest */
    public static Options gaussian() {
      return new Options(Kernel.GAUSSIAN, 1.0, 0, Multiclass.ONE_VS_REST);
    }
  }

  /** Seed of Smile's thread-local RNG before every binary SVM fit (LASVM's row order). */
  static final long FIT_SEED = 42;

  private final ToIntFunction<double[]> predictor;

  private SvmClassifier(ToIntFunction<double[]> predictor) {
    this.predictor = predictor;
  }

  /**
   * @param x standardized rows x features
   * @param y class indices 0..k-1, at least two classes present
   * @param options SVM options
   * @return the fitted classifier
   */
  public static SvmClassifier fit(double[][] x, int[] y, Options options) {
    int k = java.util.Arrays.stream(y).max().orElse(0) + 1;
    long present = java.util.Arrays.stream(y).distinct().count();
    if (present < 2) {
      throw new IllegalArgumentException("SVM needs at least two classes in the training data, got " + present);
    }
    int d = x[0].length;
    double sigma = options.sigma() > 0 ? options.sigma() : Math.sqrt(d);
    SVM.Options o = new SVM.Options(options.c());
    java.util.function.BiFunction<double[][], int[], smile.classification.Classifier<double[]>> binary =
        (xi, yi) -> {
          // LASVM visits the rows in a MathEx.permutate order drawn from the calling thread's RNG, and
          // OneVersusRest fits its binary SVMs on a parallel stream: seed on the fitting thread, or the
          // same data give different F1 from run to run (issue 10, observation 3)
          smile.math.MathEx.setSeed(FIT_SEED);
          return options.kernel() == Kernel.LINEAR ? SVM.fit(xi, yi, o) : SVM.fit(xi, yi, new GaussianKernel(sigma), o);
        };
    if (present == 2) {
      int[] cls = java.util.Arrays.stream(y).distinct().sorted().toArray();
      int[] pm = new int[y.length];
      for (int i = 0; i < y.length; i++) pm[i] = y[i] == cls[1] ? 1 : -1;
      var m = binary.apply(x, pm);
      return new SvmClassifier(v -> m.predict(v) == 1 ? cls[1] : cls[0]);
    }
    if (present < k) {
      throw new IllegalArgumentException("class labels must be 0.." + (k - 1) + " without gaps; " + present + " present");
    }
    var m = options.multiclass() == Multiclass.ONE_VS_REST ? OneVersusRest.fit(x, y, binary) : OneVersusOne.fit(x, y, binary);
    return new SvmClassifier(m::predict);
  }

  /**
   * @param x standardized features
   * @return the predicted class index
   */
  public int predict(double[] x) {
    return predictor.applyAsInt(x);
  }

  /**
   * @param x standardized rows
   * @return the predicted class of each row
   */
  public int[] predict(double[][] x) {
    int[] p = new int[x.length];
    for (int i = 0; i < x.length; i++) p[i] = predict(x[i]);
    return p;
  }
}
