package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.brightpaint.data.Channel;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class QualityFiguresTest {

  /** Two models x two channels x 12 sites; "good" has SSIM 0.2 - s/500 higher (untied differences). */
  static Table quality() {
    Table t = QualityReport.empty();
    StringColumn model = StringColumn.create("model");
    for (String m : new String[] {"good", "bad"}) {
      for (Channel c : new Channel[] {Channel.DNA, Channel.AGP}) {
        for (int s = 1; s <= 12; s++) {
          double ssim = (m.equals("good") ? 0.7 : 0.5 + s / 500.0) + s * s / 1000.0 + (c == Channel.DNA ? 0.1 : 0);
          QualityReport.append(t, new QualityFolders.Site("P", "A01", s), c,
              new ImageQuality(0.01, s == 1 && m.equals("good") ? Double.POSITIVE_INFINITY : 20, ssim, 0.9, 0.001, 30, 0.9));
          model.append(m);
        }
      }
    }
    t.insertColumn(0, model);
    return t;
  }

  @Test
  void summaryLeavesInfinitePsnrOutOfTheMean() {
    Table s = QualityFigures.summary(quality());
    assertEquals(4, s.rowCount());
    assertEquals(20.0, s.doubleColumn("mean_psnr").get(0), 1e-12);
    assertEquals(1.0, s.doubleColumn("infinite_psnr").get(0), 1e-12);
  }

  @Test
  void modelsDifferSignificantlyPerChannel() {
    Table c = QualityFigures.modelComparisons(quality(), "ssim", 0.05);
    assertEquals(2, c.rowCount()); // one pair per channel
    assertEquals("DNA", c.stringColumn("channel").get(0));
    assertTrue(c.booleanColumn("significant").get(0));
    // 12 untied positive differences: exact p = 2 / 4096, Holm over one pair keeps it
    assertEquals(2.0 / 4096, c.doubleColumn("p").get(0), 1e-12);
    Table ch = QualityFigures.channelComparisons(quality(), "ssim", 0.05);
    assertEquals(2, ch.rowCount());
    assertEquals(2, QualityFigures.boxPlot(quality(), "ssim").getTraces().length);
  }
}
