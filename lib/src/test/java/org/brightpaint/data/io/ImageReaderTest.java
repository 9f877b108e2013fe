package org.brightpaint.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReaderTest {

  @TempDir Path dir;

  private static final FloatImage IMG = new FloatImage(3, 2, new float[] {0, 1, 65535, 300, 40000, 7});

  @Test
  void roundTripsExactly() {
    Path f = dir.resolve("a.tiff");
    Tiff16.write(f, IMG);
    assertEquals(IMG, ImageReader.read(f).pixels());
    assertEquals(IMG, ImageReader.read(f, 3, 2).pixels());
  }

  @Test
  void readsCompressedTiffViaImageIo() throws Exception {
    BufferedImage bi = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = bi.getRaster();
    r.setSamples(0, 0, 3, 2, 0, new int[] {0, 1, 65535, 300, 40000, 7});
    Path f = dir.resolve("lzw.tiff");
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType("LZW");
      w.write(null, new IIOImage(bi, null, null), p);
    }
    w.dispose();
    assertEquals(IMG, ImageReader.read(f).pixels());
  }

  @Test
  void readsBigEndianUncompressed() throws Exception {
    byte[] le = Tiff16.encode(3, 2, new short[] {0, 1, -1, 300, (short) 40000, 7});
    ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
    // Re-encode header, IFD and data big-endian by hand (entry values of SHORT type sit left-justified).
    ByteBuffer out = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
    out.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(in.getInt(4));
    int n = in.getShort(8);
    out.putShort((short) n);
    for (int i = 0; i < n; i++) {
      int e = 10 + 12 * i;
      int type = in.getShort(e + 2);
      out.putShort(in.getShort(e)).putShort((short) type).putInt(in.getInt(e + 4));
      if (type == 3) {
        out.putShort(in.getShort(e + 8)).putShort((short) 0);
      } else {
        out.putInt(in.getInt(e + 8));
      }
    }
    out.putInt(0);
    for (int i = out.position(); i < le.length; i += 2) {
      out.putShort(in.getShort(i));
    }
    Path f = dir.resolve("be.tiff");
    Files.write(f, out.array());
    assertEquals(IMG, ImageReader.read(f).pixels());
  }

  @Test
  void sameCountsSameBytes() {
    short[] c = {1, 2, 3, 4};
    assertArrayEquals(Tiff16.encode(2, 2, c), Tiff16.encode(2, 2, c.clone()));
  }

  @Test
  void badInputNamesTheFile() throws Exception {
    Path f = dir.resolve("a.tiff");
    Tiff16.write(f, IMG);
    var e = assertThrows(IllegalArgumentException.class, () -> ImageReader.read(f, 4, 2));
    assertTrue(e.getMessage().contains("a.tiff") && e.getMessage().contains("3 x 2"), e.getMessage());

    Path truncated = dir.resolve("truncated.tiff");
    byte[] bytes = Files.readAllBytes(f);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 4));
    e = assertThrows(IllegalArgumentException.class, () -> ImageReader.read(truncated).pixels());
    assertTrue(e.getMessage().contains("truncated.tiff"), e.getMessage());

    Path junk = dir.resolve("junk.tiff");
    Files.writeString(junk, "hello, not a tiff");
    e = assertThrows(IllegalArgumentException.class, () -> ImageReader.read(junk).pixels());
    assertTrue(e.getMessage().contains("junk.tiff"), e.getMessage());

    var w = assertThrows(IllegalArgumentException.class,
        () -> Tiff16.write(dir.resolve("nan.tiff"), new FloatImage(1, 1, new float[] {Float.NaN})));
    assertTrue(w.getMessage().contains("nan.tiff"));
    assertTrue(!Files.exists(dir.resolve("nan.tiff")));
  }

  @Test
  void scalesByTheFilesOwnBitDepthAsCellProfilerDoes() throws Exception {
    RawImage u8 = ImageReader.read(TestTiffs.write(dir.resolve("u8.tif"), 2, 1, TestTiffs.Kind.U8, 0, 255));
    assertEquals(SampleFormat.UINT8, u8.format());
    assertArrayEquals(new float[] {0, 255}, u8.pixels().pixels());
    assertArrayEquals(new float[] {0, 1}, u8.scaled().pixels());
    RawImage u16 = ImageReader.read(TestTiffs.write(dir.resolve("u16.tif"), 2, 1, TestTiffs.Kind.U16, 255, 65535));
    assertEquals(SampleFormat.UINT16, u16.format());
    assertArrayEquals(new float[] {255f / 65535f, 1}, u16.scaled().pixels(), 1e-7f);
    RawImage f = ImageReader.read(TestTiffs.write(dir.resolve("f.tiff"), 2, 1, TestTiffs.Kind.F32, 0.25f, 0.5f));
    assertEquals(SampleFormat.FLOAT32, f.format());
    assertArrayEquals(new float[] {0.25f, 0.5f}, f.scaled().pixels());
  }

  @Test
  void floatOutsideUnitRangeIsAnErrorUnlessRescaled() throws Exception {
    Path p = TestTiffs.write(dir.resolve("counts.tif"), 2, 1, TestTiffs.Kind.F32, 10, 4000);
    RawImage f = ImageReader.read(p);
    var e = assertThrows(UserError.class, f::scaled);
    assertTrue(e.getMessage().contains("counts.tif") && e.getMessage().contains("x=0, y=0"), e.getMessage());
    assertArrayEquals(new float[] {10f / 4000, 1}, f.scaledBy(4000).pixels(), 1e-7f);
  }

  @Test
  void nanAndInfiniteAreErrorsNamingThePixel() throws Exception {
    Path p = TestTiffs.write(dir.resolve("nan.tif"), 3, 2, TestTiffs.Kind.F32, 0, 0, 0, 0, Float.NaN, 0);
    var e = assertThrows(UserError.class, () -> ImageReader.read(p));
    assertTrue(e.getMessage().contains("nan.tif") && e.getMessage().contains("x=1, y=1"), e.getMessage());
    Path q = TestTiffs.write(dir.resolve("inf.tif"), 1, 1, TestTiffs.Kind.F32, Float.POSITIVE_INFINITY);
    e = assertThrows(UserError.class, () -> ImageReader.read(q));
    assertTrue(e.getMessage().contains("inf.tif") && e.getMessage().contains("Infinity"), e.getMessage());
  }

  @Test
  void rgbAndSignedAreRejectedNotReadAsTheFirstBand() throws Exception {
    Path rgb = dir.resolve("rgb.tif");
    Files.write(rgb, TestTiffs.encode(1, 1, TestTiffs.Kind.U8, 3, new float[] {10, 20, 30}));
    var e = assertThrows(UserError.class, () -> ImageReader.read(rgb));
    assertTrue(e.getMessage().contains("rgb.tif") && e.getMessage().contains("3 samples per pixel"), e.getMessage());
    Path signed = TestTiffs.write(dir.resolve("i16.tif"), 1, 1, TestTiffs.Kind.I16, 5);
    e = assertThrows(UserError.class, () -> ImageReader.read(signed));
    assertTrue(e.getMessage().contains("i16.tif") && e.getMessage().contains("signed"), e.getMessage());
    Path rgbPng = dir.resolve("rgb.png");
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", rgbPng.toFile());
    e = assertThrows(UserError.class, () -> ImageReader.read(rgbPng));
    assertTrue(e.getMessage().contains("rgb.png") && e.getMessage().contains("samples per pixel"), e.getMessage());
  }

  @Test
  void readsGrayPng8And16() throws Exception {
    BufferedImage b8 = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    b8.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {3, 255});
    Path p8 = dir.resolve("g8.png");
    ImageIO.write(b8, "png", p8.toFile());
    RawImage r8 = ImageReader.read(p8);
    assertEquals(SampleFormat.UINT8, r8.format());
    assertArrayEquals(new float[] {3, 255}, r8.pixels().pixels());
    BufferedImage b16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    b16.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {3, 65535});
    Path p16 = dir.resolve("g16.png");
    ImageIO.write(b16, "png", p16.toFile());
    RawImage r16 = ImageReader.read(p16);
    assertEquals(SampleFormat.UINT16, r16.format());
    assertArrayEquals(new float[] {3f / 65535, 1}, r16.scaled().pixels(), 1e-7f);
  }

  @Test
  void truncatedFilesNameTheFileNotABareEofException() throws Exception {
    byte[] full = TestTiffs.encode(4, 4, TestTiffs.Kind.U8, 1, new float[16]);
    Path t = dir.resolve("cut.tif");
    Files.write(t, Arrays.copyOf(full, full.length - 3));
    var e = assertThrows(UserError.class, () -> ImageReader.read(t));
    assertTrue(e.getMessage().contains("cut.tif") && e.getMessage().contains("truncated"), e.getMessage());
    Path header = dir.resolve("header.tif");
    Files.write(header, Arrays.copyOf(full, 12));
    e = assertThrows(UserError.class, () -> ImageReader.read(header));
    assertTrue(e.getMessage().contains("header.tif"), e.getMessage());
    byte[] packbits;
    try (var in = getClass().getResourceAsStream("/fixtures/example-human/AS_09125_050116030001_D03f00d0.tif")) {
      packbits = in.readAllBytes();
    }
    assertEquals(SampleFormat.UINT8, ImageReader.read(packbits, "d0.tif").format());
    e = assertThrows(UserError.class, () -> ImageReader.read(Arrays.copyOf(packbits, packbits.length / 2), "half.tif"));
    assertTrue(e.getMessage().contains("half.tif"), e.getMessage());
    Path empty = Files.write(dir.resolve("empty.tif"), new byte[0]);
    e = assertThrows(UserError.class, () -> ImageReader.read(empty));
    assertTrue(e.getMessage().contains("empty.tif"), e.getMessage());
    e = assertThrows(UserError.class, () -> ImageReader.read(dir.resolve("none.tif")));
    assertTrue(e.getMessage().contains("none.tif") && e.getMessage().contains("not found"), e.getMessage());
  }
}
