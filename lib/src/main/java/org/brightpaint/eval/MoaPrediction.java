package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Mechanism-of-action prediction from single-cell features (the paper's Table 3).
 *
 * <p>Procedure for one source: (1) keep the measurement columns
 * ({@link FeatureGroup#isMeasurement()}) except positions in the image (Location, AreaShape
 * centre and bounding-box corners: they carry no biology);
 * (2) subsample at most {@code maxCellsPerClass} cells per class with a seeded shuffle, so CI runs
 * in seconds (documented in the result's {@code cellsPerClass}); (3) drop features constant over
 * those cells (listed); (4) stratified k-fold CV ({@link StratifiedKFold}, fewer folds stated
 * when a class is too small); in each fold standardize on the training part
 * ({@link Standardizer}) and fit an {@link SvmClassifier}; (5) pool the out-of-fold predictions
 * into one confusion matrix and report macro F1 ({@link Confusion}) for the six-class task (the
 * MoA groups) and for the binary task (control vs treated, subsampled to at most
 * {@code maxCellsPerClass} per side).
 *
 * <p>Decisive features: permutation importance (Breiman 2001; Fisher, Rudin, Dominici 2019),
 * the mean decrease of the six-class macro F1 on each test fold when one feature's test values are
 * shuffled, averaged over folds. To bound the cost the candidates are the
 * {@code importanceCandidates} features with the largest one-way ANOVA F statistic on the data.
 *
 * <p>References: L. Breiman, "Random forests", Machine Learning 45, 2001,
 * doi:10.1023/A:1010933404324; A. Fisher, C. Rudin, F. Dominici, JMLR 20(177), 2019.
 */
public final class MoaPrediction {

  /**
   * Options.
   *
   * @param labelColumn the string column with the MoA group of each cell
   * @param controlLabel the label of the negative control (binary task), e.g. "Control"
   * @param folds requested folds, &gt;= 2
   * @param seed seed for subsampling, folds and permutations
   * @param maxCellsPerClass cells kept per class, &gt; 0
   * @param svm SVM options
   * @param topFeatures how many decisive features to report
   * @param importanceCandidates features screened by ANOVA F before permutation importance
   * @param wellColumns the columns that together name a well (group of {@link CvScheme#WELL})
   * @param compoundColumn the column naming the compound (group of {@link CvScheme#COMPOUND})
   */
  public record Options(
      String labelColumn, String controlLabel, int folds, long seed, int maxCellsPerClass,
      SvmClassifier.Options svm, int topFeatures, int importanceCandidates, List<String> wellColumns, String compoundColumn) {
    /** Validates. */
    public Options {
      if (folds < 2) throw new IllegalArgumentException("folds must be >= 2, got " + folds);
      if (maxCellsPerClass < 2) throw new IllegalArgumentException("maxCellsPerClass must be >= 2, got " + maxCellsPerClass);
      if (topFeatures < 0 || importanceCandidates < 0) throw new IllegalArgumentException("negative feature counts");
      wellColumns = List.copyOf(wellColumns);
    }

    /** The default well columns. */
    public static final List<String> WELL_COLUMNS = List.of("Metadata_Plate", "Metadata_Well");
    /** The default compound column. */
    public static final String COMPOUND_COLUMN = "Metadata_Compound";

    /**
     * @param labelColumn the MoA-group column
     * @return 5 folds, seed 42, 60 cells per class, linear SVM, top 5 of 100 candidates, control
     *     "Control", wells from Metadata_Plate + Metadata_Well, compounds from Metadata_Compound
     */
    public static Options of(String labelColumn) {
      return new Options(labelColumn, "Control", 5, 42, 60, SvmClassifier.Options.linear(), 5, 100, WELL_COLUMNS, COMPOUND_COLUMN);
    }

    /** @param n decisive features to report (0: skip permutation importance) @return a copy */
    public Options withTopFeatures(int n) {
      return new Options(labelColumn, controlLabel, folds, seed, maxCellsPerClass, svm, n, importanceCandidates, wellColumns, compoundColumn);
    }

    /** @param n cells per class @return a copy */
    public Options withMaxCellsPerClass(int n) {
      return new Options(labelColumn, controlLabel, folds, seed, n, svm, topFeatures, importanceCandidates, wellColumns, compoundColumn);
    }
  }

  private MoaPrediction() {}

  /**
   * Cross-validated MoA prediction on one source, well-grouped ({@link CvScheme#WELL}).
   *
   * @param source the source name ("real", "unet", ...)
   * @param cells per-cell features with the label and well columns
   * @param options options
   * @return the result
   */
  public static MoaResult crossValidate(String source, Table cells, Options options) {
    return crossValidate(source, cells, options, CvScheme.WELL);
  }

  /**
   * Cross-validated MoA prediction on one source.
   *
   * @param source the source name ("real", "unet", ...)
   * @param cells per-cell features with the label column (and the well or compound column the
   *     scheme groups by)
   * @param options options
   * @param scheme how folds are formed
   * @return the result
   * @throws IllegalArgumentException naming a missing column
   */
  public static MoaResult crossValidate(String source, Table cells, Options options, CvScheme scheme) {
    Data all = Data.of(cells, options, null, scheme);
    Data six = all.subsample(options.maxCellsPerClass(), options.seed());
    List<String> dropped = six.dropConstant();
    CvFolds kf = six.folds(scheme, options.folds(), options.seed());
    int k = six.classes.size();
    Confusion conf = new Confusion(new int[k][k]);
    double[] imp = new double[six.names.size()];
    int[] cand = six.anovaTop(options.importanceCandidates());
    Random rnd = new Random(options.seed());
    for (int f = 0; f < kf.k(); f++) {
      Fold fit = Fold.of(six, kf.train(f), kf.test(f), options.svm());
      conf = conf.plus(Confusion.of(fit.truth, fit.model.predict(fit.xTest), k));
      if (options.topFeatures() > 0) fit.permutationImportance(cand, imp, k, rnd, 1.0 / kf.k());
    }
    Data bin = all.binary(options.controlLabel()).subsample(options.maxCellsPerClass(), options.seed() + 1);
    bin.dropConstant();
    CvFolds kb = bin.folds(scheme, options.folds(), options.seed());
    Confusion cb = new Confusion(new int[2][2]);
    for (int f = 0; f < kb.k(); f++) {
      Fold fit = Fold.of(bin, kb.train(f), kb.test(f), options.svm());
      cb = cb.plus(Confusion.of(fit.truth, fit.model.predict(fit.xTest), 2));
    }
    String note = String.join("; ", List.of(kf.note(), kb.note().isEmpty() ? "" : "binary: " + kb.note()).stream().filter(s -> !s.isEmpty()).toList());
    List<String> top = new ArrayList<>();
    double[] topImp = top(imp, six.names, options.topFeatures(), top);
    return new MoaResult(source, scheme.label() + " " + kf.k() + "-fold CV", scheme, conf.macroF1(), cb.macroF1(), top, topImp,
        six.classes, conf, cb, kf.k(), note, six.counts(), dropped);
  }

  /**
   * Train on one source (e.g. a generator's features) and test on another (the real features):
   * the setting the paper did not report, with the same well groups as {@link CvScheme#WELL}:
   * the wells are dealt into folds ({@link GroupedKFold} over the wells of both tables); in each
   * fold the classifier is trained on the training source's cells of the training wells and
   * tested on the test source's cells of the held-out wells, so the test wells' own predicted
   * images never train the classifier. The label sets must agree; features are the columns both
   * tables measure; standardization is fitted on the training part.
   *
   * @param source a name for the training source
   * @param train training cells (label and well columns)
   * @param test test cells (label and well columns)
   * @param options options
   * @return the result
   */
  public static MoaResult transfer(String source, Table train, Table test, Options options) {
    List<String> shared = new ArrayList<>(featureColumns(train));
    shared.retainAll(featureColumns(test));
    if (shared.isEmpty()) {
      throw new IllegalArgumentException("Training and test tables share no feature columns");
    }
    Data trAll = Data.of(train, options, shared, CvScheme.WELL);
    Data teAll = Data.of(test, options, shared, CvScheme.WELL);
    Data tr = trAll.subsample(options.maxCellsPerClass(), options.seed());
    Data te = teAll.subsample(options.maxCellsPerClass(), options.seed() + 2);
    if (!tr.classes.equals(te.classes)) {
      throw new IllegalArgumentException("Training classes " + tr.classes + " differ from test classes " + te.classes);
    }
    List<String> dropped = tr.dropConstant();
    te.keep(tr.names);
    int k = tr.classes.size();
    Transfer six = Transfer.of(tr, te, options);
    Confusion conf = new Confusion(new int[k][k]);
    double[] imp = new double[tr.names.size()];
    int[] cand = tr.anovaTop(options.importanceCandidates());
    Random rnd = new Random(options.seed());
    for (int f = 0; f < six.k; f++) {
      Fold fit = six.fold(f, options.svm());
      conf = conf.plus(Confusion.of(fit.truth, fit.model.predict(fit.xTest), k));
      if (options.topFeatures() > 0) fit.permutationImportance(cand, imp, k, rnd, 1.0 / six.k);
    }
    Data trb = trAll.binary(options.controlLabel()).subsample(options.maxCellsPerClass(), options.seed() + 1);
    Data teb = teAll.binary(options.controlLabel()).subsample(options.maxCellsPerClass(), options.seed() + 3);
    trb.dropConstant();
    teb.keep(trb.names);
    Transfer bin = Transfer.of(trb, teb, options);
    Confusion cb = new Confusion(new int[2][2]);
    for (int f = 0; f < bin.k; f++) {
      Fold fit = bin.fold(f, options.svm());
      cb = cb.plus(Confusion.of(fit.truth, fit.model.predict(fit.xTest), 2));
    }
    List<String> top = new ArrayList<>();
    double[] topImp = top(imp, tr.names, options.topFeatures(), top);
    return new MoaResult(source, "train on " + source + ", test on real (" + CvScheme.WELL.label() + " " + six.k + "-fold)",
        CvScheme.WELL, conf.macroF1(), cb.macroF1(), top, topImp, tr.classes, conf, cb, six.k, six.note, tr.counts(), dropped);
  }

  /** Folds over the wells of a training and a test source: fold f trains on train's other wells, tests on test's wells of f. */
  static final class Transfer {
    final Data train;
    final Data test;
    final int k;
    final int[] trainFold;
    final int[] testFold;
    final String note;

    private Transfer(Data train, Data test, int k, int[] trainFold, int[] testFold, String note) {
      this.train = train;
      this.test = test;
      this.k = k;
      this.trainFold = trainFold;
      this.testFold = testFold;
      this.note = note;
    }

    static Transfer of(Data train, Data test, Options options) {
      int n = train.y.length, m = test.y.length;
      String[] g = new String[n + m];
      int[] y = new int[n + m];
      for (int i = 0; i < n; i++) {
        g[i] = train.groups[i];
        y[i] = train.y[i];
      }
      for (int i = 0; i < m; i++) {
        g[n + i] = test.groups[i];
        y[n + i] = test.y[i];
      }
      GroupedKFold kf = GroupedKFold.of(g, y, train.classes, options.folds(), options.seed());
      int[] fold = new int[n + m];
      for (int f = 0; f < kf.k(); f++) for (int i : kf.test(f)) fold[i] = f;
      return new Transfer(train, test, kf.k(), Arrays.copyOfRange(fold, 0, n), Arrays.copyOfRange(fold, n, n + m), kf.note());
    }

    Fold fold(int f, SvmClassifier.Options svm) {
      int[] tr = java.util.stream.IntStream.range(0, trainFold.length).filter(i -> trainFold[i] != f).toArray();
      int[] te = java.util.stream.IntStream.range(0, testFold.length).filter(i -> testFold[i] == f).toArray();
      return Fold.of(train.rows(tr), test.rows(te), svm);
    }
  }

  /**
   * @param cells a per-cell table
   * @return the feature columns used: numeric measurement columns except positions in the image
   *     (Location, AreaShape_Center_X/Y, AreaShape_BoundingBoxMinimum/Maximum_X/Y)
   */
  public static List<String> featureColumns(Table cells) {
    List<String> out = new ArrayList<>();
    for (var c : cells.columns()) {
      if (c instanceof NumericColumn<?>) {
        FeatureName f = FeatureName.parse(c.name());
        boolean position = f.group() == FeatureGroup.LOCATION
            || (f.group() == FeatureGroup.AREA_SHAPE && (f.feature().startsWith("Center_") || f.feature().startsWith("BoundingBoxM")));
        if (f.group().isMeasurement() && !position) out.add(c.name());
      }
    }
    return out;
  }

  private static double[] top(double[] imp, List<String> names, int n, List<String> out) {
    Integer[] idx = new Integer[imp.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(imp[b], imp[a]));
    int m = Math.min(n, idx.length);
    double[] v = new double[m];
    for (int i = 0; i < m; i++) {
      out.add(names.get(idx[i]));
      v[i] = imp[idx[i]];
    }
    return v;
  }

  /** A labelled feature matrix with the CV group of each cell. */
  static final class Data {
    List<String> names;
    double[][] x;
    int[] y;
    /** group key per cell (well or compound), or null for cell-level CV */
    final String[] groups;
    final List<String> classes;

    Data(List<String> names, double[][] x, int[] y, String[] groups, List<String> classes) {
      this.names = names;
      this.x = x;
      this.y = y;
      this.groups = groups;
      this.classes = classes;
    }

    static Data of(Table t, Options options, List<String> columns, CvScheme scheme) {
      String labelColumn = options.labelColumn();
      if (!t.columnNames().contains(labelColumn)) {
        throw new IllegalArgumentException("Table " + t.name() + " has no label column " + labelColumn);
      }
      List<String> names = columns == null ? featureColumns(t) : columns;
      if (names.isEmpty()) throw new IllegalArgumentException("Table " + t.name() + " has no feature columns");
      List<String> labels = new ArrayList<>();
      for (int r = 0; r < t.rowCount(); r++) labels.add(t.column(labelColumn).getString(r));
      List<String> classes = new ArrayList<>(new TreeSet<>(labels));
      if (classes.size() < 2) {
        throw new IllegalArgumentException("MoA prediction needs at least two classes in " + labelColumn + ", got " + classes);
      }
      double[][] cols = new double[names.size()][];
      for (int j = 0; j < names.size(); j++) cols[j] = ((NumericColumn<?>) t.column(names.get(j))).asDoubleArray();
      double[][] x = new double[t.rowCount()][names.size()];
      int[] y = new int[t.rowCount()];
      for (int r = 0; r < x.length; r++) {
        for (int j = 0; j < names.size(); j++) x[r][j] = cols[j][r];
        y[r] = classes.indexOf(labels.get(r));
      }
      return new Data(new ArrayList<>(names), x, y, groups(t, options, labels, scheme), classes);
    }

    private static String[] groups(Table t, Options options, List<String> labels, CvScheme scheme) {
      if (scheme == CvScheme.CELL) return null;
      for (String c : options.wellColumns()) {
        if (!t.columnNames().contains(c)) {
          throw new IllegalArgumentException("Table " + t.name() + " has no column " + c + ": " + scheme.label()
              + " cross-validation needs the well of every cell (" + options.wellColumns() + ")");
        }
      }
      if (scheme == CvScheme.COMPOUND && !t.columnNames().contains(options.compoundColumn())) {
        throw new IllegalArgumentException("Table " + t.name() + " has no column " + options.compoundColumn()
            + ": leave-compound-out cross-validation needs the compound of every cell");
      }
      String[] g = new String[t.rowCount()];
      for (int r = 0; r < g.length; r++) {
        StringBuilder well = new StringBuilder("well");
        for (String c : options.wellColumns()) well.append('/').append(t.column(c).getString(r));
        boolean byWell = scheme == CvScheme.WELL || labels.get(r).equals(options.controlLabel());
        g[r] = byWell ? well.toString() : "compound/" + t.column(options.compoundColumn()).getString(r);
      }
      return g;
    }

    /** The folds of a scheme over these cells. */
    CvFolds folds(CvScheme scheme, int k, long seed) {
      return scheme == CvScheme.CELL ? StratifiedKFold.ofAtMost(y, k, seed) : GroupedKFold.of(groups, y, classes, k, seed);
    }

    /** The given rows (same columns, groups and classes). */
    Data rows(int[] idx) {
      double[][] xs = new double[idx.length][];
      int[] ys = new int[idx.length];
      String[] gs = groups == null ? null : new String[idx.length];
      for (int i = 0; i < idx.length; i++) {
        xs[i] = x[idx[i]];
        ys[i] = y[idx[i]];
        if (gs != null) gs[i] = groups[idx[i]];
      }
      return new Data(names, xs, ys, gs, classes);
    }

    Data binary(String control) {
      if (!classes.contains(control)) {
        throw new IllegalArgumentException("Control label '" + control + "' not among classes " + classes);
      }
      int c = classes.indexOf(control);
      int[] yb = new int[y.length];
      for (int i = 0; i < y.length; i++) yb[i] = y[i] == c ? 0 : 1;
      return new Data(names, x, yb, groups, List.of(control, "treated"));
    }

    Data subsample(int max, long seed) {
      Random rnd = new Random(seed);
      List<Integer> keep = new ArrayList<>();
      for (int c = 0; c < classes.size(); c++) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < y.length; i++) if (y[i] == c) idx.add(i);
        Collections.shuffle(idx, rnd);
        keep.addAll(idx.subList(0, Math.min(max, idx.size())));
      }
      Collections.sort(keep);
      return rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Drops columns that are constant (or all non-finite); returns their names. */
    List<String> dropConstant() {
      List<String> dropped = new ArrayList<>();
      List<Integer> keep = new ArrayList<>();
      for (int j = 0; j < names.size(); j++) {
        double first = Double.NaN;
        boolean varies = false;
        for (double[] row : x) {
          double v = row[j];
          if (!Double.isFinite(v)) continue;
          if (Double.isNaN(first)) first = v;
          else if (v != first) {
            varies = true;
            break;
          }
        }
        if (varies) keep.add(j);
        else dropped.add(names.get(j));
      }
      select(keep);
      if (names.isEmpty()) throw new IllegalArgumentException("Every feature is constant: nothing to classify on");
      return dropped;
    }

    void keep(List<String> wanted) {
      List<Integer> idx = new ArrayList<>();
      for (String w : wanted) idx.add(names.indexOf(w));
      select(idx);
    }

    private void select(List<Integer> cols) {
      List<String> n = new ArrayList<>();
      for (int j : cols) n.add(names.get(j));
      double[][] nx = new double[x.length][cols.size()];
      for (int i = 0; i < x.length; i++) for (int j = 0; j < cols.size(); j++) nx[i][j] = x[i][cols.get(j)];
      names = n;
      x = nx;
    }

    Map<String, Integer> counts() {
      Map<String, Integer> m = new LinkedHashMap<>();
      for (String c : classes) m.put(c, 0);
      for (int v : y) m.merge(classes.get(v), 1, Integer::sum);
      return m;
    }

    /** Indices of the n columns with the largest one-way ANOVA F. */
    int[] anovaTop(int n) {
      int k = classes.size(), d = names.size();
      double[] f = new double[d];
      for (int j = 0; j < d; j++) {
        double[] sum = new double[k];
        int[] cnt = new int[k];
        double total = 0;
        int nn = 0;
        for (int i = 0; i < x.length; i++) {
          double v = x[i][j];
          if (!Double.isFinite(v)) continue;
          sum[y[i]] += v;
          cnt[y[i]]++;
          total += v;
          nn++;
        }
        double grand = total / Math.max(1, nn), between = 0, within = 0;
        for (int i = 0; i < x.length; i++) {
          double v = x[i][j];
          if (!Double.isFinite(v)) continue;
          double m = sum[y[i]] / cnt[y[i]];
          within += (v - m) * (v - m);
        }
        for (int c = 0; c < k; c++) if (cnt[c] > 0) between += cnt[c] * Math.pow(sum[c] / cnt[c] - grand, 2);
        f[j] = within == 0 ? (between > 0 ? Double.MAX_VALUE : 0) : between / within;
      }
      Integer[] idx = new Integer[d];
      for (int i = 0; i < d; i++) idx[i] = i;
      Arrays.sort(idx, (a, b) -> Double.compare(f[b], f[a]));
      return Arrays.stream(idx).limit(n).mapToInt(Integer::intValue).toArray();
    }
  }

  /** A fitted SVM over the classes present in training, predicting original class indices. */
  record Model(SvmClassifier svm, int[] present) {
    int[] predict(double[][] x) {
      int[] p = svm.predict(x);
      for (int i = 0; i < p.length; i++) p[i] = present[p[i]];
      return p;
    }
  }

  /** One fitted fold. */
  static final class Fold {
    Model model;
    double[][] xTest;
    int[] truth;

    static Fold of(Data d, int[] train, int[] test, SvmClassifier.Options svm) {
      double[][] xtr = new double[train.length][];
      int[] ytr = new int[train.length];
      for (int i = 0; i < train.length; i++) {
        xtr[i] = d.x[train[i]];
        ytr[i] = d.y[train[i]];
      }
      double[][] xte = new double[test.length][];
      int[] yte = new int[test.length];
      for (int i = 0; i < test.length; i++) {
        xte[i] = d.x[test[i]];
        yte[i] = d.y[test[i]];
      }
      return fit(xtr, ytr, xte, yte, svm);
    }

    static Fold of(Data train, Data test, SvmClassifier.Options svm) {
      return fit(train.x, train.y, test.x, test.y, svm);
    }

    /**
     * Fits on the training part; classes absent from it (a class with one group, held out) are
     * removed from the label indices for the SVM and mapped back, so they are never predicted.
     */
    private static Fold fit(double[][] xtr, int[] ytr, double[][] xte, int[] yte, SvmClassifier.Options svm) {
      Standardizer s = Standardizer.fit(xtr);
      Fold f = new Fold();
      int[] present = Arrays.stream(ytr).distinct().sorted().toArray();
      int[] compact = new int[ytr.length];
      for (int i = 0; i < ytr.length; i++) compact[i] = Arrays.binarySearch(present, ytr[i]);
      f.model = new Model(SvmClassifier.fit(s.apply(xtr), compact, svm), present);
      f.xTest = s.apply(xte);
      f.truth = yte;
      return f;
    }

    void permutationImportance(int[] candidates, double[] imp, int k, Random rnd, double weight) {
      double base = Confusion.of(truth, model.predict(xTest), k).macroF1();
      int n = xTest.length;
      for (int j : candidates) {
        double[] saved = new double[n];
        for (int i = 0; i < n; i++) saved[i] = xTest[i][j];
        int[] perm = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
          int r = rnd.nextInt(i + 1);
          int t = perm[i];
          perm[i] = perm[r];
          perm[r] = t;
        }
        for (int i = 0; i < n; i++) xTest[i][j] = saved[perm[i]];
        double f1 = Confusion.of(truth, model.predict(xTest), k).macroF1();
        imp[j] += weight * (base - f1);
        for (int i = 0; i < n; i++) xTest[i][j] = saved[i];
      }
    }
  }
}
