package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tech.tablesaw.columns.Column;

/** Issue 10: the evaluation is stored once and read back bit for bit, so notebooks 09 to 14 agree. */
class EvaluationFilesTest {

  static Evaluation.Result evaluation(Path tmp) throws Exception {
    for (int f = 1; f <= 3; f++) {
      EvaluationTest.site(tmp.resolve("real/P1"), f, 500, f);
      EvaluationTest.site(tmp.resolve("good/P1"), f, 800, 10 + f);
    }
    Map<String, Path> preds = new LinkedHashMap<>();
    preds.put("good", tmp.resolve("good"));
    ImageEvaluation ie = ImageEvaluation.of(tmp.resolve("real"), preds, QualityReport.Options.defaults(), 2);
    Map<String, Table> cells = new LinkedHashMap<>();
    cells.put("real", EvaluationTest.cells(0, 0));
    cells.put("good", EvaluationTest.cells(0.2, 5));
    return Evaluation.run(new Evaluation.Inputs(ie, cells, List.of("ImageNumber"), "moa", Map.of(),
        List.of(new MeasuredCost("good", "CPU", "ci", 0.2, 2, 800, 0.5, 3, Double.NaN)),
        MoaPrediction.Options.of("moa").withMaxCellsPerClass(30)));
  }

  @Test
  void readsBackEveryTableCellFigureImageAndNote(@TempDir Path tmp) throws Exception {
    Evaluation.Result e = evaluation(tmp);
    // awkward values: NaN, infinities, an integer-valued double column, an int column, commas and quotes
    e.tables().put("awkward", Table.create("awkward", StringColumn.create("name", "a,b", "say \"x\"", ""),
        DoubleColumn.create("v", Double.NaN, Double.POSITIVE_INFINITY, 3.0), DoubleColumn.create("w", 1.0, 2.0, -0.1 + 0.2),
        IntColumn.create("n", 1, 2, 3)));
    EvaluationFiles.write(e, tmp.resolve("stored"));
    Evaluation.Result r = EvaluationFiles.read(tmp.resolve("stored"));
    assertEquals(List.copyOf(e.tables().keySet()), List.copyOf(r.tables().keySet()));
    for (String name : e.tables().keySet()) {
      Table a = e.tables().get(name), b = r.tables().get(name);
      assertEquals(a.columnNames(), b.columnNames(), name);
      assertEquals(a.rowCount(), b.rowCount(), name);
      for (int c = 0; c < a.columnCount(); c++) {
        Column<?> x = a.column(c), y = b.column(c);
        assertEquals(x.type(), y.type(), name + "." + x.name());
        for (int i = 0; i < a.rowCount(); i++) {
          if (x instanceof DoubleColumn dx) {
            assertEquals(Double.doubleToLongBits(dx.getDouble(i)), Double.doubleToLongBits(((DoubleColumn) y).getDouble(i)),
                name + "." + x.name() + "[" + i + "]");
          } else {
            assertEquals(x.getString(i), y.getString(i), name + "." + x.name() + "[" + i + "]");
          }
        }
      }
    }
    assertEquals(List.copyOf(e.figures().keySet()), List.copyOf(r.figures().keySet()));
    for (String f : e.figures().keySet()) {
      assertEquals(e.figures().get(f).asJavascript("d1"), r.figures().get(f).asJavascript("d1"), f);
      assertEquals(e.figures().get(f).getTraces().length, r.figures().get(f).getTraces().length, f);
    }
    assertEquals(List.copyOf(e.images().keySet()), List.copyOf(r.images().keySet()));
    for (String g : e.images().keySet()) {
      assertEquals(e.images().get(g).getWidth(), r.images().get(g).getWidth());
      assertEquals(e.images().get(g).getRGB(3, 3), r.images().get(g).getRGB(3, 3));
    }
    assertEquals(e.notes(), r.notes());
  }

  @Test
  void notebooksElevenThirteenAndFourteenShowTheSameNumbers(@TempDir Path tmp) throws Exception {
    EvaluationFiles.write(evaluation(tmp), tmp.resolve("stored"));
    Benchmark.Result run = new Benchmark.Result(tmp.resolve("report.html"), EvaluationFiles.read(tmp.resolve("stored")));
    Table moa = BenchmarkViews.moaPrediction(run).table3();
    Table headline = BenchmarkViews.summary(run).headline();
    for (String source : List.of("real", "good")) {
      int m = -1;
      for (int i = 0; i < moa.rowCount() && m < 0; i++) {
        if (moa.stringColumn("source").get(i).equals(source) && moa.stringColumn("setting").get(i).contains("CV")) m = i;
      }
      int h = headline.stringColumn("source").indexOf(source);
      for (String col : List.of("f1_six_class", "f1_binary")) {
        assertEquals(moa.doubleColumn(col).getDouble(m), headline.doubleColumn(col).getDouble(h), 0.0, source + " " + col);
      }
    }
    // issue 10, observation 5: no constant columns in 09's summary; they are named instead
    var q = BenchmarkViews.imageQuality(run);
    assertFalse(q.summary().columnNames().contains("infinite_psnr"), q.summary().columnNames().toString());
    assertTrue(q.constantColumns().contains("`infinite_psnr` = 0"), q.constantColumns());
    assertTrue(run.evaluation().tables().get("quality_summary").columnNames().contains("infinite_psnr"), "the stored table keeps it");
    // 13 and 14 both show the stored compute_cost table
    assertSame(BenchmarkViews.summary(run).cost(), run.evaluation().tables().get("compute_cost"));
  }
}
