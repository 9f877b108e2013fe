package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.ScatterPlot;

class StageRunnerTest {

  @Test
  void finishedStagesAreSkippedAndInterruptedOnesRedone(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    StageRunner r = StageRunner.of(tmp, new PrintStream(log, true));
    AtomicInteger runs = new AtomicInteger();
    r.run("train", dir -> {
      runs.incrementAndGet();
      Files.writeString(dir.resolve("model.txt"), "w");
    });
    assertTrue(r.isDone("train"));
    assertEquals("w", Files.readString(tmp.resolve("train/model.txt")));
    r.run("train", dir -> runs.incrementAndGet());
    assertEquals(1, runs.get(), "done stage skipped");
    assertTrue(log.toString().contains("[train] done earlier, skipped"));
    // a crash inside a stage leaves no final folder and no marker
    assertThrows(IllegalStateException.class, () -> r.run("predict", dir -> {
      Files.writeString(dir.resolve("half.csv"), "x");
      throw new Exception("killed");
    }));
    assertFalse(r.isDone("predict"));
    assertFalse(Files.exists(tmp.resolve("predict")));
    // the next run redoes it from a clean folder
    r.run("predict", dir -> {
      assertFalse(Files.exists(dir.resolve("half.csv")), "partial output was cleared");
      Files.writeString(dir.resolve("full.csv"), "y");
    });
    assertTrue(r.isDone("predict"));
  }

  @Test
  void reportInlinesPlotlyOnceAndWritesTablesAndCsv(@TempDir Path tmp) throws Exception {
    Table t = Table.create("t", StringColumn.create("model", "a,b", "c"), DoubleColumn.create("ssim", 0.5, Double.NaN));
    HtmlReport h = HtmlReport.create("Benchmark <ci>", "/*PLOTLY-LIB*/");
    h.heading("Image quality").table(t, 10)
        .figure(ScatterPlot.create("s", t, "ssim", "ssim")).figure(ScatterPlot.create("s2", t, "ssim", "ssim"));
    String html = h.html();
    assertEquals(html.indexOf("/*PLOTLY-LIB*/"), html.lastIndexOf("/*PLOTLY-LIB*/"));
    assertTrue(html.contains("id=\"figure_2\""));
    assertTrue(html.contains("Benchmark &lt;ci&gt;"));
    h.write(tmp.resolve("report.html"));
    assertTrue(Files.size(tmp.resolve("report.html")) > 100);
    ReportFiles.write(t, tmp.resolve("t.csv"));
    assertEquals("model,ssim\n\"a,b\",0.5\nc,\n", Files.readString(tmp.resolve("t.csv")));
  }
}
