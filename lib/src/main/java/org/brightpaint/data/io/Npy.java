package org.brightpaint.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brightpaint.image.FloatImage;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0, 3.0), as used for cpg0000 illumination
 * functions. Reads float32/float64 (and integer) arrays in either byte order and in C or Fortran
 * order, always returning C (row-major) order; writes little-endian float32 in C order.
 *
 * <p>Reference: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays".
 */
public final class Npy {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * An n-dimensional array in C order.
   *
   * @param shape the dimensions, slowest first
   * @param data the values, {@code product(shape)} of them
   */
  public record Array(int[] shape, float[] data) {
    /** Validates. */
    public Array {
      long n = 1;
      for (int s : shape) {
        if (s < 0) {
          throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
        }
        n *= s;
      }
      if (n != data.length) {
        throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
      }
      shape = shape.clone();
    }
  }

  /**
   * Reads an array.
   *
   * @param file the file
   * @return the array in C order
   * @throws IllegalArgumentException naming the file when it is not a supported .npy
   */
  public static Array read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return decode(bytes);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("Bad .npy file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes .npy bytes.
   *
   * @param bytes the file content
   * @return the array in C order
   */
  public static Array decode(byte[] bytes) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new IllegalArgumentException("not a NumPy file (bad magic)");
    }
    int major = bytes[6];
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xffff;
      start = 10;
    } else if (major == 2 || major == 3) {
      headerLen = b.getInt(8);
      start = 12;
    } else {
      throw new IllegalArgumentException("unsupported format version " + major);
    }
    String header = new String(bytes, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw new IllegalArgumentException("unreadable header " + header.trim());
    }
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    char kind = d.group(2).charAt(0);
    int size = Integer.parseInt(d.group(3));
    boolean fortran = f.group(1).equals("True");
    int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
    long n = 1;
    for (int x : shape) {
      n *= x;
    }
    int dataStart = start + headerLen;
    if (dataStart + n * size > bytes.length) {
      throw new IllegalArgumentException("truncated: shape " + Arrays.toString(shape) + " of " + d.group(2) + size
          + " needs " + (n * size) + " data bytes, file has " + (bytes.length - dataStart));
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) (n * size)).slice().order(order);
    float[] out = new float[(int) n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (kind) {
        case 'f' -> switch (size) {
          case 4 -> data.getFloat(i * 4);
          case 8 -> (float) data.getDouble(i * 8);
          default -> throw new IllegalArgumentException("unsupported float size " + size);
        };
        case 'i' -> switch (size) {
          case 1 -> data.get(i);
          case 2 -> data.getShort(i * 2);
          case 4 -> data.getInt(i * 4);
          case 8 -> data.getLong(i * 8);
          default -> throw new IllegalArgumentException("unsupported int size " + size);
        };
        default -> switch (size) {
          case 1 -> data.get(i) & 0xff;
          case 2 -> data.getShort(i * 2) & 0xffff;
          case 4 -> data.getInt(i * 4) & 0xffffffffL;
          default -> throw new IllegalArgumentException("unsupported unsigned size " + size);
        };
      };
    }
    if (fortran && shape.length > 1) {
      out = fortranToC(out, shape);
    }
    return new Array(shape, out);
  }

  private static float[] fortranToC(float[] in, int[] shape) {
    float[] out = new float[in.length];
    int nd = shape.length;
    int[] idx = new int[nd];
    long[] fStride = new long[nd];
    fStride[0] = 1;
    for (int k = 1; k < nd; k++) {
      fStride[k] = fStride[k - 1] * shape[k - 1];
    }
    for (int c = 0; c < out.length; c++) {
      long fi = 0;
      for (int k = 0; k < nd; k++) {
        fi += idx[k] * fStride[k];
      }
      out[c] = in[(int) fi];
      for (int k = nd - 1; k >= 0; k--) {
        if (++idx[k] < shape[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
    return out;
  }

  /**
   * Encodes an array as little-endian float32 in C order (format version 1.0).
   *
   * @param array the array
   * @return the file's bytes
   */
  public static byte[] encode(Array array) {
    int[] sh = array.shape();
    String shape = sh.length == 1 ? "(" + sh[0] + ",)"
        : "(" + String.join(", ", Arrays.stream(sh).mapToObj(Integer::toString).toList()) + ")";
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * array.data().length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (float v : array.data()) {
      b.putFloat(v);
    }
    return b.array();
  }

  /**
   * Writes an array atomically as float32.
   *
   * @param file the target
   * @param array the array
   */
  public static void write(Path file, Array array) {
    AtomicFiles.write(file, encode(array));
  }

  /**
   * Writes an image as a float32 array of shape (height, width).
   *
   * @param file the target
   * @param image the image
   */
  public static void write(Path file, FloatImage image) {
    write(file, new Array(new int[] {image.height(), image.width()}, image.pixels()));
  }

  /**
   * Reads a 2-D array as an image (shape (height, width)).
   *
   * @param file the file
   * @return the image
   * @throws IllegalArgumentException naming the file when the array is not 2-D
   */
  public static FloatImage readImage(Path file) {
    Array a = read(file);
    if (a.shape().length != 2) {
      throw new IllegalArgumentException("Expected a 2-D array in " + file + ", got shape " + Arrays.toString(a.shape()));
    }
    return new FloatImage(a.shape()[1], a.shape()[0], a.data());
  }

  /**
   * Reads an illumination function and checks it: 2-D, the expected size, every value finite and
   * positive.
   *
   * @param file the .npy file
   * @param width expected width
   * @param height expected height
   * @return the function
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static FloatImage readIllumination(Path file, int width, int height) {
    FloatImage f = readImage(file);
    if (f.width() != width || f.height() != height) {
      throw new IllegalArgumentException("Illumination function " + file + " is " + f.width() + " x " + f.height()
          + ", expected " + width + " x " + height);
    }
    float[] p = f.pixels();
    for (int i = 0; i < p.length; i++) {
      if (!Float.isFinite(p[i]) || p[i] <= 0) {
        throw new IllegalArgumentException("Illumination function " + file + " has value " + p[i] + " at (x="
            + (i % width) + ", y=" + (i / width) + "): expected finite and > 0");
      }
    }
    return f;
  }
}
