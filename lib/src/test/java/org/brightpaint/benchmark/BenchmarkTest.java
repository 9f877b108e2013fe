package org.brightpaint.benchmark;

import org.brightpaint.training.MeanImageBaseline;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Split;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The whole pipeline on four tiny synthetic plates with the mean-image baseline; then a resume. */
class BenchmarkTest {

  @Test
  void runsEndToEndAndResumesWithoutRedoingStages(@TempDir Path tmp) throws Exception {
    var plates = new java.util.ArrayList<org.brightpaint.data.Plate>();
    for (CellLine l : CellLine.values()) {
      plates.addAll(Plates.select(l, Split.TRAIN).subList(0, 1));
      plates.addAll(Plates.select(l, Split.TEST));
    }
    SyntheticPlates.generate(tmp.resolve("plates"), new SyntheticOptions(plates, SyntheticOptions.wellsCovering(6), 1, 96, 8, 7));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Benchmark.Options o = new Benchmark.Options(tmp.resolve("plates"), RunSize.CI, tmp.resolve("out"),
        List.of(new MeanImageRunner()), List.of(org.brightpaint.training.MeanImageBaseline.NAME), 2,
        java.util.Set.of(MeasurementFamily.AREA_SHAPE, MeasurementFamily.INTENSITY));
    Benchmark.Result r = Benchmark.run(o, new PrintStream(log, true));
    assertTrue(Files.size(r.report()) > 1000);
    Table moa = r.evaluation().tables().get("moa_prediction");
    assertEquals("real", moa.stringColumn("source").get(0));
    assertTrue(Files.exists(tmp.resolve("out/stages/report/tables/quality_per_image.csv")));
    assertNotNull(r.evaluation().tables().get("generalisability_" + org.brightpaint.training.MeanImageBaseline.NAME));
    ByteArrayOutputStream log2 = new ByteArrayOutputStream();
    Benchmark.Result again = Benchmark.run(o, new PrintStream(log2, true));
    assertFalse(log2.toString().contains("started"), "second run redoes no stage:\n" + log2);
    // issue 10: the evaluation is a stage, computed once and read back by every later run
    assertTrue(log2.toString().contains("[evaluate] done earlier, skipped"), log2.toString());
    assertTrue(Files.exists(tmp.resolve("out/stages/evaluate/tables/moa_prediction.csv")));
    // the stored evaluation is not shown for other inputs (here: other measurement families)
    Benchmark.Options other = new Benchmark.Options(o.dataDir(), o.size(), o.out(), o.models(), o.generalisation(), o.threads(),
        java.util.Set.of(MeasurementFamily.AREA_SHAPE));
    IllegalArgumentException stale = assertThrows(IllegalArgumentException.class, () -> Benchmark.run(other, new PrintStream(new ByteArrayOutputStream())));
    assertTrue(stale.getMessage().contains("computed for other inputs"), stale.getMessage());
    var s = BenchmarkViews.summary(again);
    assertEquals("real", s.headline().stringColumn("source").get(0));
    assertEquals(org.brightpaint.training.MeanImageBaseline.NAME, BenchmarkViews.imageQuality(again).summary().stringColumn("model").get(0));
    assertEquals(4, BenchmarkViews.imageQuality(again).figures().size());
    assertFalse(BenchmarkViews.generalisability(again).matrices().isEmpty());
    // issue 10, observation 2: the mean image predicts one nuclei count for every image, so its count_r is
    // undefined: no blank heatmap, a note instead
    assertFalse(r.evaluation().figures().containsKey("fig9_" + MeanImageBaseline.NAME + "_count_r"), r.evaluation().figures().keySet().toString());
    assertTrue(r.evaluation().notes().stream().anyMatch(n -> n.startsWith(MeanImageBaseline.NAME + ": no count_r matrix")),
        r.evaluation().notes().toString());
    // issue 10, observations 2 and 3: a resume shows the first run's measured cost and the same MoA F1
    Table c1 = r.evaluation().tables().get("compute_cost"), c2 = again.evaluation().tables().get("compute_cost");
    assertTrue(Double.isFinite(c1.doubleColumn("train_images_per_s").getDouble(0)), c1.print());
    for (String col : List.of("train_images_per_s", "peak_memory_mb", "inference_s_per_image")) {
      assertEquals(c1.doubleColumn(col).getDouble(0), c2.doubleColumn(col).getDouble(0), 0.0, col);
    }
    Table moa2 = again.evaluation().tables().get("moa_prediction");
    for (String col : List.of("f1_six_class", "f1_binary")) {
      assertArrayEquals(moa.doubleColumn(col).asDoubleArray(), moa2.doubleColumn(col).asDoubleArray(), col);
    }
  }
}
