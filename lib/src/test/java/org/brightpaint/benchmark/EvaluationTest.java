package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.brightpaint.data.Channel;
import org.brightpaint.eval.ImageEvaluation;
import org.brightpaint.eval.MeasuredCost;
import org.brightpaint.eval.MoaPrediction;
import org.brightpaint.eval.QualityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class EvaluationTest {

  /** A 32x32 site per fluorescent channel: blobs plus noise of the given amplitude. */
  static void site(Path dir, int field, double noise, long seed) throws Exception {
    Random r = new Random(seed);
    for (Channel c : Channel.FLUORESCENT) {
      BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_USHORT_GRAY);
      for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) {
        boolean cell = (x / 8 + y / 8) % 2 == 0;
        double v = (cell ? 20000 + 3000 * ((x + y + field) % 3) : 2000) + noise * r.nextGaussian();
        img.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(65535, v)));
      }
      Path f = dir.resolve(String.format("r01c01f%02dp01-ch%dsk1fk1fl1.tiff", field, c.phenixNumber()));
      Files.createDirectories(dir);
      ImageIO.write(img, "tiff", f.toFile());
    }
  }

  /** 6 classes x 30 cells in 3 images; features separated by class; synthetic = real + noise. */
  static Table cells(double noise, long seed) {
    String[] groups = {"Control", "Epigenetic", "GrowthFactorReceptor", "Kinase", "LipidSignaling", "Protease"};
    Random r = new Random(seed);
    Random base = new Random(1);
    Table t = Table.create("cells", IntColumn.create("ImageNumber"), StringColumn.create("moa"),
        StringColumn.create("Metadata_Plate"), StringColumn.create("Metadata_Well"), StringColumn.create("Metadata_Compound"),
        DoubleColumn.create("Cells_Location_Center_X"), DoubleColumn.create("Cells_Location_Center_Y"));
    String[] feats = {"Cells_Intensity_MeanIntensity_DNA", "Cells_Intensity_MeanIntensity_AGP", "Nuclei_AreaShape_Area",
        "Cytoplasm_Texture_Contrast_ER_3_00_256", "Cells_Granularity_2_Mito", "Cells_Correlation_Correlation_DNA_RNA"};
    for (String f : feats) t.addColumns(DoubleColumn.create(f));
    for (int i = 0; i < 180; i++) {
      int g = i % 6;
      t.intColumn("ImageNumber").append(1 + i % 3);
      t.stringColumn("moa").append(groups[g]);
      int w = (i / 6) % 5; // 5 wells per class, each its own compound (Control: DMSO)
      t.stringColumn("Metadata_Plate").append("P1");
      t.stringColumn("Metadata_Well").append((char) ('A' + g) + "0" + (w + 1));
      t.stringColumn("Metadata_Compound").append(g == 0 ? "DMSO" : groups[g] + w);
      t.doubleColumn("Cells_Location_Center_X").append(20.0 * (i / 3) + (seed == 0 ? 0 : 1));
      t.doubleColumn("Cells_Location_Center_Y").append(50);
      for (int j = 0; j < feats.length; j++) {
        double v = base.nextGaussian() + (j == g ? 3 : 0);
        t.doubleColumn(feats[j]).append(v + noise * r.nextGaussian());
      }
    }
    return t;
  }

  @Test
  void evaluatesEverythingAndWritesTheReportFolder(@TempDir Path tmp) throws Exception {
    for (int f = 1; f <= 3; f++) {
      site(tmp.resolve("real/P1"), f, 500, f);
      site(tmp.resolve("good/P1"), f, 800, 10 + f);
      site(tmp.resolve("bad/P1"), f, 6000, 20 + f);
    }
    Map<String, Path> preds = new LinkedHashMap<>();
    preds.put("good", tmp.resolve("good"));
    preds.put("bad", tmp.resolve("bad"));
    ImageEvaluation ie = ImageEvaluation.of(tmp.resolve("real"), preds, QualityReport.Options.defaults(), 2);
    assertEquals(30, ie.quality().rowCount());
    assertEquals(30, ie.artifacts().rowCount());
    assertEquals(8, ie.galleries().size());
    Map<String, Table> cells = new LinkedHashMap<>();
    cells.put("real", cells(0, 0));
    cells.put("good", cells(0.2, 5));
    cells.put("bad", cells(3, 6));
    Evaluation.Inputs in = new Evaluation.Inputs(ie, cells, List.of("ImageNumber"), "moa", Map.of(),
        List.of(new MeasuredCost("unet", "CPU", "ci", 0.2, 2, 800, 0.5, 3, Double.NaN)),
        MoaPrediction.Options.of("moa").withMaxCellsPerClass(30));
    Evaluation.Result res = Evaluation.run(in);
    Table moa = res.tables().get("moa_prediction");
    assertEquals(11, moa.rowCount()); // real, good, bad x 3 schemes, 2 transfer rows
    assertEquals(List.of("well-grouped", "leave-compound-out", "cell-level (as the paper)"),
        moa.stringColumn("cv").asList().subList(0, 3));
    assertTrue(moa.doubleColumn("f1_six_class").get(0) > 0.5, "real F1 above chance (1/6)");
    assertFalse(moa.doubleColumn("f1_six_class").isMissing().size() > 0, "every row computed");
    Table ms = res.tables().get("moa_prediction_summary");
    assertEquals(3, ms.rowCount());
    assertTrue(ms.doubleColumn("f1_transfer_to_real_well_grouped").isMissing(0), "no transfer for real");
    assertFalse(ms.doubleColumn("f1_transfer_to_real_well_grouped").isMissing(1));
    Table ed = res.tables().get("energy_distance");
    assertTrue(ed.doubleColumn(1).get(2) > ed.doubleColumn(1).get(1), "bad is further from real than good");
    Table summary = res.tables().get("quality_summary");
    assertTrue(summary.doubleColumn("mean_ssim").get(0) > summary.doubleColumn("mean_ssim").get(5), "good beats bad");
    assertTrue(res.notes().stream().anyMatch(n -> n.startsWith("Generalisability")), "missing input is stated");
    Path html = BenchmarkReport.write(res, tmp.resolve("report"), "test", HtmlReport.create("test", "/*lib*/"));
    assertTrue(Files.exists(tmp.resolve("report/tables/moa_prediction.csv")));
    assertTrue(Files.exists(tmp.resolve("report/tables/compute_cost.csv")));
    assertTrue(Files.readString(html).contains("Table 3"));
    assertTrue(Files.list(tmp.resolve("report/galleries")).count() == 8);
  }
}
