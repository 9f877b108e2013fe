package org.brightpaint.data.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class DataVizTest {

  @TempDir Path dir;

  @Test
  void buildsMontagesPlateMapAndFigures() throws Exception {
    PlateSet set = SyntheticPlates.ensure(dir, new SyntheticOptions(List.of(Plates.byBarcode("BR00116995")),
        List.of(Well.parse("A02")), 1, 64, 3, 1));
    PlateFolder p = set.plates().getFirst();
    Site s = p.sites().getFirst();
    BufferedImage m = Montage.site(p, s, 32);
    assertEquals(4 * 34 - 2, m.getWidth());
    assertEquals(2 * (32 + 18 + 2) - 2, m.getHeight());
    assertEquals(3 * 34 - 2, Montage.illumination(p, s, Channel.DNA, 32).getWidth());

    BufferedImage pm = PlateMapView.image(PlateMap.jumpTarget1(), 12);
    // A02 is DMSO: its well is drawn in the Control colour
    assertEquals(PlateMapView.color(MoaGroup.CONTROL).getRGB(), pm.getRGB(24 + 12 + 6, 20 + 6));

    String js = DataFigures.histograms(p, s).asJavascript("h");
    // binned counts, not pixel values: 6 channels x 2 x 120 numbers (the sampled pixels were 1.5 MB in notebook 01)
    assertTrue(js.length() < 40_000, js.length() + " characters of figure");
    double[][] h = DataFigures.histogram(new float[] {0f, 0.5f, 1f, 9.99f, 10f, -1f, 11f, Float.NaN}, 0, 10, 10);
    assertArrayEquals(new double[] {2, 1, 0, 0, 0, 0, 0, 0, 0, 2}, h[1]);
    assertEquals(0.5, h[0][0], 1e-12);
    assertEquals(9.5, h[0][9], 1e-12);
    for (Channel c : Channel.values()) {
      assertTrue(js.contains("name: '" + c.cpName() + "'") || js.contains("\"" + c.cpName() + "\""), c.cpName());
    }
    Table t = DataFigures.benchmarkPlates();
    assertEquals(8, t.rowCount());
    assertEquals("U2OS", t.stringColumn("cell line").get(7));
    assertEquals(1, DataFigures.plates(set).rowCount());
  }
}
