package org.brightpaint.benchmark;

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
    var s = BenchmarkViews.summary(again);
    assertEquals("real", s.headline().stringColumn("source").get(0));
    assertEquals(org.brightpaint.training.MeanImageBaseline.NAME, BenchmarkViews.imageQuality(again).summary().stringColumn("model").get(0));
    assertEquals(4, BenchmarkViews.imageQuality(again).figures().size());
    assertFalse(BenchmarkViews.generalisability(again).matrices().isEmpty());
  }
}
