package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.brightpaint.cli.Brightpaint;
import org.brightpaint.data.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

  static void tiff(Path file, int value, int gradient) throws Exception {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) img.getRaster().setSample(x, y, 0, value + gradient * x);
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(img, "tiff", file.toFile()), "a TIFF writer is registered");
  }

  static void site(Path dir, String rc, int field, int value) throws Exception {
    for (Channel c : Channel.FLUORESCENT) {
      tiff(dir.resolve(String.format("%sf%02dp01-ch%dsk1fk1fl1.tiff", rc, field, c.phenixNumber())), value, 100);
    }
  }

  @Test
  void comparesSiteBySiteAndScalesSixteenBitToUnitRange(@TempDir Path tmp) throws Exception {
    Path real = tmp.resolve("real/BR00116994__2020-11-08T19_55_00/Images"), pred = tmp.resolve("pred/BR00116994");
    site(real, "r01c02", 1, 1000);
    site(pred, "r01c02", 1, 1000 + 655);
    QualityReport r = QualityReport.compare(tmp.resolve("real"), tmp.resolve("pred"), QualityReport.Options.defaults());
    assertTrue(r.coverage().complete());
    assertEquals(5, r.table().rowCount());
    assertEquals("BR00116994", r.table().stringColumn("plate").get(0));
    assertEquals("A02", r.table().stringColumn("well").get(0));
    assertEquals(1, r.table().intColumn("site").get(0));
    assertEquals("Mito", r.table().stringColumn("channel").get(0));
    double d = 655 / 65535.0;
    assertEquals(d * d, r.table().doubleColumn("mse_raw").get(0), 1e-9, "raw space: counts / 65535");
    assertEquals(1.0, r.table().doubleColumn("pearson").get(0), 1e-6);
  }

  @Test
  void differentSitesAreReportedClearly(@TempDir Path tmp) throws Exception {
    site(tmp.resolve("real/P1"), "r01c01", 1, 1000);
    site(tmp.resolve("real/P1"), "r01c01", 2, 1000);
    site(tmp.resolve("pred/P1"), "r01c01", 1, 1000);
    site(tmp.resolve("pred/P1"), "r02c01", 3, 1000);
    var e = assertThrows(IllegalArgumentException.class,
        () -> QualityReport.compare(tmp.resolve("real"), tmp.resolve("pred"), QualityReport.Options.defaults()));
    assertTrue(e.getMessage().contains("5 only in the real folder (P1 A01 f02 AGP"), e.getMessage());
    assertTrue(e.getMessage().contains("5 only in the prediction folder (P1 B01 f03 AGP"), e.getMessage());
    QualityReport partial = QualityReport.compare(tmp.resolve("real"), tmp.resolve("pred"),
        new QualityReport.Options(1, true, Channel.FLUORESCENT, java.util.Set.of()));
    assertEquals(5, partial.table().rowCount());
    assertEquals(Double.POSITIVE_INFINITY, partial.table().doubleColumn("psnr").get(0));
    assertEquals(1.0, partial.table().doubleColumn("ssim").get(0), 1e-12);
    site(tmp.resolve("real/P2"), "r01c01", 1, 1000);
    QualityReport onlyP2 = QualityReport.compare(tmp.resolve("real"), tmp.resolve("real"),
        QualityReport.Options.defaults().withPlates(java.util.List.of("P2")));
    assertEquals(5, onlyP2.table().rowCount());
    assertEquals("P2", onlyP2.table().stringColumn("plate").get(0));
  }

  @Test
  void commandLineWritesTheCsv(@TempDir Path tmp) throws Exception {
    site(tmp.resolve("real"), "r01c01", 1, 1000);
    site(tmp.resolve("pred"), "r01c01", 1, 2000);
    int rc = Brightpaint.run("quality", "--real", tmp.resolve("real").toString(), "--pred", tmp.resolve("pred").toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(0, rc);
    List<String> lines = Files.readAllLines(tmp.resolve("out/quality.csv"));
    assertEquals("plate,well,site,channel,mse,psnr,ssim,pearson,mse_raw,psnr_raw,ssim_raw", lines.get(0));
    assertEquals(6, lines.size());
    assertTrue(lines.get(1).startsWith(",A01,1,Mito,"), lines.get(1));
    // a missing folder is a user error (exit 1), not bad usage (2): issue 15, command-line conduct
    assertEquals(1, Brightpaint.run("quality", "--real", tmp.resolve("real").toString(), "--pred", tmp.resolve("nope").toString(),
        "--out", tmp.resolve("out").toString()));
  }
}
