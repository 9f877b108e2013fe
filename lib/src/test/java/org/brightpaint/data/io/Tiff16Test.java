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

class Tiff16Test {

  @TempDir Path dir;

  private static final FloatImage IMG = new FloatImage(3, 2, new float[] {0, 1, 65535, 300, 40000, 7});

  @Test
  void roundTripsExactly() {
    Path f = dir.resolve("a.tiff");
    Tiff16.write(f, IMG);
    assertEquals(IMG, Tiff16.read(f));
    assertEquals(IMG, Tiff16.read(f, 3, 2));
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
    assertEquals(IMG, Tiff16.read(f));
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
    assertEquals(IMG, Tiff16.read(f));
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
    var e = assertThrows(IllegalArgumentException.class, () -> Tiff16.read(f, 4, 2));
    assertTrue(e.getMessage().contains("a.tiff") && e.getMessage().contains("3 x 2"), e.getMessage());

    Path truncated = dir.resolve("truncated.tiff");
    byte[] bytes = Files.readAllBytes(f);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 4));
    e = assertThrows(IllegalArgumentException.class, () -> Tiff16.read(truncated));
    assertTrue(e.getMessage().contains("truncated.tiff"), e.getMessage());

    Path junk = dir.resolve("junk.tiff");
    Files.writeString(junk, "hello, not a tiff");
    e = assertThrows(IllegalArgumentException.class, () -> Tiff16.read(junk));
    assertTrue(e.getMessage().contains("junk.tiff"), e.getMessage());

    Path eight = dir.resolve("eight.tiff");
    BufferedImage bi = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    ImageIO.write(bi, "tiff", eight.toFile());
    e = assertThrows(IllegalArgumentException.class, () -> Tiff16.read(eight));
    assertTrue(e.getMessage().contains("eight.tiff") && e.getMessage().contains("8-bit"), e.getMessage());

    var w = assertThrows(IllegalArgumentException.class,
        () -> Tiff16.write(dir.resolve("nan.tiff"), new FloatImage(1, 1, new float[] {Float.NaN})));
    assertTrue(w.getMessage().contains("nan.tiff"));
    assertTrue(!Files.exists(dir.resolve("nan.tiff")));
  }
}
