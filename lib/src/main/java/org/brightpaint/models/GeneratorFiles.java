package org.brightpaint.models;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.brightpaint.data.io.PropertiesText;

/**
 * The on-disk format of a saved generator, version {@value #FORMAT_VERSION}:
 *
 * <pre>
 * dir/generator.properties   format=brightpaint-generator, formatVersion, options.*, normalisation.*,
 *                            weights.bytes, weights.crc32
 * dir/network.params         DJL Block.saveParameters stream of {@link Generator#network()}
 * dir/...                    extra files of the kind (e.g. a diffusion schedule), optional
 * </pre>
 *
 * The byte count and CRC-32 of {@code network.params} are checked on load, so a truncated or
 * corrupt file fails with a message naming it instead of loading garbage.
 */
public final class GeneratorFiles {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "brightpaint-generator";
  /** The current format version; loading another version fails. */
  public static final int FORMAT_VERSION = 1;
  /** The header file's name. */
  public static final String HEADER = "generator.properties";
  /** The weights file's name. */
  public static final String WEIGHTS = "network.params";

  private GeneratorFiles() {}

  /**
   * What {@code generator.properties} says.
   *
   * @param formatVersion the format version
   * @param options the recipe
   * @param normalisation the normalisation used
   * @param weightsBytes expected size of {@code network.params}
   * @param weightsCrc32 expected CRC-32 of {@code network.params}
   * @param properties every key, for kind-specific extras
   */
  public record Header(int formatVersion, GeneratorOptions options, Normalisation normalisation,
      long weightsBytes, long weightsCrc32, Properties properties) {}

  /**
   * Writes a generator's folder atomically (see {@link org.brightpaint.data.io.AtomicFiles#writeFolder}).
   *
   * @param dir the target folder, replaced
   * @param options the recipe
   * @param normalisation the normalisation
   * @param network the block whose parameters to save
   * @param extra kind-specific extra properties (may be empty) and extra files
   * @throws IOException when writing fails; the old folder survives
   */
  public static void write(Path dir, GeneratorOptions options, Normalisation normalisation, Block network,
      Properties extra) throws IOException {
    org.brightpaint.data.io.AtomicFiles.writeFolder(dir, tmp -> writeInto(tmp, options, normalisation, network, extra));
  }

  /**
   * Writes the header and weights into an existing (empty) folder, not atomically; used inside
   * a larger atomic write such as a training checkpoint.
   *
   * @param dir the folder
   * @param options the recipe
   * @param normalisation the normalisation
   * @param network the block
   * @param extra extra properties
   * @throws IOException when writing fails
   */
  public static void writeInto(Path dir, GeneratorOptions options, Normalisation normalisation, Block network,
      Properties extra) throws IOException {
    Files.createDirectories(dir);
    CRC32 crc = new CRC32();
    Path w = dir.resolve(WEIGHTS);
    try (OutputStream os = Files.newOutputStream(w);
        CheckedOutputStream cos = new CheckedOutputStream(new BufferedOutputStream(os), crc);
        DataOutputStream out = new DataOutputStream(cos)) {
      network.saveParameters(out);
    }
    Properties p = new Properties();
    p.putAll(extra);
    p.setProperty("format", FORMAT);
    p.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
    options.writeTo(p);
    normalisation.writeTo(p);
    p.setProperty("weights.bytes", Long.toString(Files.size(w)));
    p.setProperty("weights.crc32", Long.toString(crc.getValue()));
    Files.writeString(dir.resolve(HEADER), PropertiesText.of(p, "brightpaint generator: " + options.kind().cliName()), StandardCharsets.UTF_8);
  }

  /**
   * Reads and checks a header.
   *
   * @param dir the folder
   * @return the header
   * @throws IllegalArgumentException when the folder is not a generator checkpoint, has another
   *     format version, or the header is incomplete (the message names the folder)
   * @throws IOException when reading fails
   */
  public static Header readHeader(Path dir) throws IOException {
    Path h = dir.resolve(HEADER);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(h, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      String hint = Files.exists(dir.resolve("generator").resolve(HEADER))
          ? " (it looks like a training checkpoint: load " + dir.resolve("generator") + ")" : "";
      throw new IllegalArgumentException(
          "Not a brightpaint generator checkpoint: " + dir + " has no " + HEADER + hint, e);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new IllegalArgumentException(h + " is not a brightpaint generator header (format="
          + p.getProperty("format") + ")");
    }
    String v = p.getProperty("formatVersion");
    if (v == null || !v.equals(Integer.toString(FORMAT_VERSION))) {
      throw new IllegalArgumentException(h + " has format version " + v + "; this build reads version "
          + FORMAT_VERSION);
    }
    GeneratorOptions o = GeneratorOptions.readFrom(p, h.toString());
    Normalisation n = Normalisation.readFrom(p, o.outputs(), h.toString());
    try {
      return new Header(FORMAT_VERSION, o, n, Long.parseLong(p.getProperty("weights.bytes", "-1")),
          Long.parseLong(p.getProperty("weights.crc32", "-1")), p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(h + ": bad weights.bytes or weights.crc32", e);
    }
  }

  /**
   * Loads {@code network.params} into an initialised block after checking its size and CRC-32.
   *
   * @param dir the folder
   * @param header its header
   * @param network the block, built from {@code header.options()}
   * @param manager the manager to load into
   * @throws IllegalArgumentException naming the file when it is missing, truncated or corrupt, or
   *     does not match the architecture
   * @throws IOException when reading fails otherwise
   */
  public static void readWeights(Path dir, Header header, Block network, NDManager manager) throws IOException {
    Path w = dir.resolve(WEIGHTS);
    if (!Files.exists(w)) {
      throw new IllegalArgumentException("Checkpoint weights missing: " + w);
    }
    long size = Files.size(w);
    if (header.weightsBytes() >= 0 && size != header.weightsBytes()) {
      throw new IllegalArgumentException("Checkpoint weights " + w + " are truncated or corrupt: " + size
          + " bytes, header says " + header.weightsBytes());
    }
    CRC32 crc = new CRC32();
    try (InputStream is = Files.newInputStream(w)) {
      byte[] buf = new byte[1 << 16];
      for (int k; (k = is.read(buf)) > 0; ) {
        crc.update(buf, 0, k);
      }
    }
    if (header.weightsCrc32() >= 0 && crc.getValue() != header.weightsCrc32()) {
      throw new IllegalArgumentException("Checkpoint weights " + w + " are corrupt: CRC-32 mismatch");
    }
    try (InputStream is = Files.newInputStream(w);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new CheckedInputStream(is, new CRC32())))) {
      network.loadParameters(manager, in);
    } catch (EOFException | MalformedModelException e) {
      throw new IllegalArgumentException("Checkpoint weights " + w + " do not match the "
          + header.options().kind().cliName() + " architecture in " + HEADER + ": " + e.getMessage(), e);
    }
  }
}
