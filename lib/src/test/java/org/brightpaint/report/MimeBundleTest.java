package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MimeBundleTest {

  private static BufferedImage decode(MimeBundle b) throws IOException {
    byte[] png = Base64.getDecoder().decode(b.get(MimeBundle.PNG));
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @ParameterizedTest
  @CsvSource({"1,1", "3,5", "7,13", "64,48", "101,3"})
  void sixteenBitGrayDecodesToTheSameSamples(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
    int[] samples = new int[w * h];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (i * 40503 + 17) & 0xFFFF; // covers low and high bytes, incl. 0xFFFF region
    }
    samples[samples.length - 1] = 65535;
    img.getRaster().setSamples(0, 0, w, h, 0, samples);

    MimeBundle b = MimeBundle.ofImage(img);
    BufferedImage back = decode(b);

    assertEquals(w, back.getWidth());
    assertEquals(h, back.getHeight());
    assertEquals(1, back.getRaster().getNumBands());
    assertEquals(16, back.getColorModel().getComponentSize(0));
    assertArrayEquals(samples, back.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]));
    assertEquals("image " + w + " x " + h + ", 1 band, 16-bit", b.get(MimeBundle.TEXT));
  }

  @ParameterizedTest
  @CsvSource({"1,1", "5,3", "17,9"})
  void rgbDecodesToTheSamePixels(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 37 % 256) << 16 | (y * 91 % 256) << 8 | ((x + y) * 53 % 256));
      }
    }
    BufferedImage back = decode(MimeBundle.ofImage(img));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        assertEquals(img.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void pngIsCompleteWithItsEndChunk() {
    byte[] png = MimeBundle.png(new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY));
    byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    byte[] tail = java.util.Arrays.copyOfRange(png, png.length - 12, png.length);
    assertArrayEquals(iend, tail);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  void tableHtmlEscapesHeadersAndCells() {
    Table t = Table.create("a<b & \"c\"",
        StringColumn.create("<th>", "x<script>alert(1)</script>", "it's"),
        IntColumn.create("n", 1, 2));
    MimeBundle b = MimeBundle.ofTable(t);
    String html = b.get(MimeBundle.HTML);
    assertTrue(html.contains("<th style=\"text-align:left;padding:2px 8px\">&lt;th&gt;</th>"), html);
    assertTrue(html.contains(">x&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    assertTrue(html.contains(">it&#39;s</td>"), html);
    assertTrue(html.contains("<b>a&lt;b &amp; &quot;c&quot;</b>"), html);
    assertFalse(html.contains("<script>"), html);
    assertEquals(2, count(html, "<tr>") - 1); // header row + 2 body rows
  }

  @Test
  void tableHtmlStopsAtTheRowLimitAndSaysSo() {
    Table t = Table.create("t", IntColumn.create("i", new int[] {10, 11, 12, 13, 14}));
    String html = MimeBundle.ofTable(t, 2).get(MimeBundle.HTML);
    assertTrue(html.contains(">10</td>") && html.contains(">11</td>"));
    assertFalse(html.contains(">12</td>"));
    assertTrue(html.contains("first 2 of 5 rows"));
    assertThrows(IllegalArgumentException.class, () -> MimeBundle.ofTable(t, 0));
  }

  @Test
  void tableCellsShowFourSignificantDigits() { // issue 10, observation 5: no 17-digit floats
    assertEquals("0.01177", MimeBundle.number(0.01176575183951901));
    assertEquals("19.83", MimeBundle.number(19.828216945633574));
    assertEquals("48", MimeBundle.number(48.0));
    assertEquals("1.609e-05", MimeBundle.number(1.608590911033312E-5));
    assertEquals("NaN", MimeBundle.number(Double.NaN));
    Table t = Table.create("t", tech.tablesaw.api.DoubleColumn.create("mse", 0.01176575183951901, Double.NaN));
    MimeBundle b = MimeBundle.ofTable(t);
    assertTrue(b.get(MimeBundle.HTML).contains(">0.01177</td>"), b.get(MimeBundle.HTML));
    assertFalse(b.get(MimeBundle.HTML).contains("0.011765"), b.get(MimeBundle.HTML));
    assertFalse(b.get(MimeBundle.TEXT).contains("0.011765"), b.get(MimeBundle.TEXT));
  }

  @Test
  void everyBundleHasPlainText() {
    assertThrows(IllegalArgumentException.class, () -> new MimeBundle(Map.of(MimeBundle.HTML, "<b>x</b>")));
    assertEquals("**x**", MimeBundle.ofMarkdown("**x**").get(MimeBundle.TEXT));
    assertEquals("**x**", MimeBundle.ofMarkdown("**x**").get(MimeBundle.MARKDOWN));
  }

  @Test
  void htmlEscapeHandlesEveryReservedCharacter() {
    assertEquals("&amp;&lt;&gt;&quot;&#39;a", Html.escape("&<>\"'a"));
    assertEquals("", Html.escape(null));
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void headlinesKeyEveryNumberByTableRowTextAndColumn() {
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("q", tech.tablesaw.api.StringColumn.create("model", "unet", "unet"),
        tech.tablesaw.api.StringColumn.create("channel", "DNA", "ER"), tech.tablesaw.api.DoubleColumn.create("ssim", 0.5, Double.NaN));
    MimeBundle b = MimeBundle.ofHeadlines(t);
    assertEquals("{\"q / unet / DNA / ssim\": 0.5, \"q / unet / ER / ssim\": null}", b.get(MimeBundle.HEADLINES));
    assertTrue(b.get(MimeBundle.TEXT).startsWith("2 headline numbers of q"), b.get(MimeBundle.TEXT));
  }

  /** A micrograph-like picture: smooth blobs plus sensor noise (PNG cannot compress the noise). */
  private static BufferedImage micrograph(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    java.util.Random r = new java.util.Random(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 90 + 60 * Math.sin(x / 9.0) * Math.cos(y / 13.0) + 12 * r.nextGaussian();
        int g = (int) Math.max(0, Math.min(255, v));
        img.setRGB(x, y, (type == BufferedImage.TYPE_INT_ARGB ? 0x80000000 : 0xFF000000) | g << 16 | g << 8 | g);
      }
    }
    return img;
  }

  @Test
  void displayImageOfAMicrographIsAJpegAtMostHalfThePng() throws IOException {
    BufferedImage img = micrograph(320, 240, BufferedImage.TYPE_INT_RGB);
    MimeBundle b = MimeBundle.ofDisplayImage(img);
    assertEquals(null, b.get(MimeBundle.PNG), "the display bundle holds one image, not both");
    byte[] jpeg = Base64.getDecoder().decode(b.get(MimeBundle.JPEG));
    assertTrue(jpeg.length <= MimeBundle.JPEG_MAX_FRACTION * MimeBundle.png(img).length,
        jpeg.length + " bytes of JPEG vs " + MimeBundle.png(img).length + " of PNG");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertEquals(320, back.getWidth());
    assertEquals(240, back.getHeight());
    assertTrue(b.get(MimeBundle.TEXT).startsWith("image 320 x 240"));
  }

  @Test
  void displayImageOfLineArtOrWithAlphaStaysALosslessPng() throws IOException {
    BufferedImage art = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 200; x++) {
      art.setRGB(x, 50, 0xFFFFFF);
    }
    MimeBundle b = MimeBundle.ofDisplayImage(art);
    assertEquals(null, b.get(MimeBundle.JPEG));
    assertArrayEquals(MimeBundle.png(art), Base64.getDecoder().decode(b.get(MimeBundle.PNG)));

    BufferedImage alpha = micrograph(120, 80, BufferedImage.TYPE_INT_ARGB);
    assertEquals(null, MimeBundle.ofDisplayImage(alpha).get(MimeBundle.JPEG), "JPEG has no alpha");
  }

  @Test
  void displayImageWiderThanTheOutputAreaIsShownAtItsWidth() throws IOException {
    // issue 10: the training notebooks' 1024 x 1296 montages were shown at full size (0.3 MB of
    // JPEG each, twice: .ipynb and .html); the output area is about 900 px wide.
    BufferedImage montage = micrograph(1024, 1296, BufferedImage.TYPE_INT_RGB);
    MimeBundle b = MimeBundle.ofDisplayImage(montage);
    byte[] jpeg = Base64.getDecoder().decode(b.get(MimeBundle.JPEG));
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertEquals(MimeBundle.MAX_DISPLAY_WIDTH, back.getWidth());
    assertEquals(1139, back.getHeight(), "aspect ratio kept: round(1296 x 900 / 1024)");
    assertTrue(b.get(MimeBundle.TEXT).startsWith("image 1024 x 1296"), b.get(MimeBundle.TEXT));
    assertTrue(b.get(MimeBundle.TEXT).endsWith("shown at 900 x 1139"), b.get(MimeBundle.TEXT));
    int full = MimeBundle.jpeg(montage, MimeBundle.JPEG_QUALITY).length;
    assertTrue(jpeg.length <= 0.8 * full, jpeg.length + " bytes shown vs " + full + " at full size");

    // area averaging keeps what is where: a left-black, right-white picture stays so
    BufferedImage halves = new BufferedImage(1800, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 900; x < 1800; x++) {
        halves.setRGB(x, y, 0xFFFFFF);
      }
    }
    BufferedImage shown = MimeBundle.displaySize(halves);
    assertEquals(900, shown.getWidth());
    assertEquals(5, shown.getHeight());
    assertEquals(0x000000, shown.getRGB(100, 2) & 0xFFFFFF);
    assertEquals(0xFFFFFF, shown.getRGB(800, 2) & 0xFFFFFF);
    BufferedImage narrow = micrograph(320, 240, BufferedImage.TYPE_INT_RGB);
    assertTrue(MimeBundle.displaySize(narrow) == narrow, "an image that fits is shown as is");
  }

  @Test
  void jpegQualityOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> MimeBundle.jpeg(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), 1.5f));
  }
}
