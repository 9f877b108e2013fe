package org.brightpaint.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

  @TempDir Path dir;

  /** Builds a version-1.0 .npy by hand, as numpy.save would. */
  static byte[] npy(String descr, boolean fortran, String shape, ByteBuffer data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
    String h = dict + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + h.length() + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length());
    b.put(h.getBytes(StandardCharsets.ISO_8859_1)).put(data.array());
    return b.array();
  }

  @Test
  void roundTripsFloat32() {
    FloatImage img = new FloatImage(3, 2, new float[] {1, 2, 3, 4, 5, 6.5f});
    Path f = dir.resolve("a.npy");
    Npy.write(f, img);
    assertEquals(img, Npy.readImage(f));
    Npy.Array a = Npy.read(f);
    assertArrayEquals(new int[] {2, 3}, a.shape());
  }

  @Test
  void readsFortranOrderFloat64() throws Exception {
    // The 2 x 3 matrix [[1,2,3],[4,5,6]] stored column by column: 1,4,2,5,3,6.
    ByteBuffer d = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
      d.putDouble(v);
    }
    Path f = dir.resolve("f.npy");
    Files.write(f, npy("<f8", true, "(2, 3)", d));
    assertEquals(new FloatImage(3, 2, new float[] {1, 2, 3, 4, 5, 6}), Npy.readImage(f));
  }

  @Test
  void readsBigEndianFloat32() throws Exception {
    ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f);
    Path f = dir.resolve("be.npy");
    Files.write(f, npy(">f4", false, "(1, 2)", d));
    assertEquals(new FloatImage(2, 1, new float[] {1.5f, -2f}), Npy.readImage(f));
  }

  @Test
  void illuminationWithNanOrWrongShapeIsNamed() {
    Path f = dir.resolve("illum.npy");
    Npy.write(f, new FloatImage(2, 2, new float[] {1, Float.NaN, 1, 1}));
    var e = assertThrows(IllegalArgumentException.class, () -> Npy.readIllumination(f, 2, 2));
    assertTrue(e.getMessage().contains("illum.npy") && e.getMessage().contains("NaN"), e.getMessage());
    Npy.write(f, new FloatImage(2, 2, new float[] {1, 1, 1, 1}));
    e = assertThrows(IllegalArgumentException.class, () -> Npy.readIllumination(f, 3, 2));
    assertTrue(e.getMessage().contains("illum.npy") && e.getMessage().contains("2 x 2"), e.getMessage());
  }

  @Test
  void truncatedFileIsNamed() throws Exception {
    Path f = dir.resolve("t.npy");
    Files.write(f, npy("<f4", false, "(4, 4)", ByteBuffer.allocate(8)));
    var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(f));
    assertTrue(e.getMessage().contains("t.npy") && e.getMessage().contains("truncated"), e.getMessage());
  }
}
