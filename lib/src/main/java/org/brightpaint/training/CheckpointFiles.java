package org.brightpaint.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.brightpaint.data.Channel;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.PropertiesText;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorFiles;

/**
 * Training checkpoints, format version {@value #FORMAT_VERSION}, written atomically (temporary
 * folder, then rename: a failed or interrupted write leaves the previous checkpoint intact):
 *
 * <pre>
 * dir/checkpoint.properties   format, formatVersion, kind, step, seed, networks, optimisers,
 *                             &lt;name&gt;.bytes for every file below
 * dir/generator/              the generator alone ({@link GeneratorFiles}), loadable by Generators.load
 * dir/net-&lt;name&gt;.params       extra networks: "discriminator", "ema", ...
 * dir/opt-&lt;name&gt;.state        optimiser states ({@link Adam#save})
 * dir/history.tsv             step logs; dir/validation.tsv: validation results
 * </pre>
 */
public final class CheckpointFiles {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "brightpaint-checkpoint";
  /** Current format version. */
  public static final int FORMAT_VERSION = 1;
  /** Header file name. */
  public static final String HEADER = "checkpoint.properties";
  /** Sub-folder holding the generator. */
  public static final String GENERATOR = "generator";

  private CheckpointFiles() {}

  /**
   * Writes a checkpoint atomically.
   *
   * @param dir the checkpoint folder, replaced
   * @param generator the generator
   * @param networks extra networks by name (discriminator, EMA copy); may be empty
   * @param optimisers optimiser states by name; may be empty
   * @param state step, seed and history
   * @throws IOException when writing fails; the previous checkpoint survives
   */
  public static void write(Path dir, Generator generator, Map<String, Block> networks, Map<String, Adam> optimisers,
      TrainingState state) throws IOException {
    AtomicFiles.writeFolder(dir, tmp -> {
      GeneratorFiles.writeInto(tmp.resolve(GENERATOR), generator.options(), generator.normalisation(),
          generator.network(), generator.extraProperties());
      Properties p = new Properties();
      p.setProperty("format", FORMAT);
      p.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
      p.setProperty("kind", generator.options().kind().cliName());
      p.setProperty("step", Long.toString(state.step()));
      p.setProperty("seed", Long.toString(state.seed()));
      p.setProperty("networks", String.join(",", networks.keySet()));
      p.setProperty("optimisers", String.join(",", optimisers.keySet()));
      for (Map.Entry<String, Block> e : networks.entrySet()) {
        Path f = tmp.resolve("net-" + e.getKey() + ".params");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)))) {
          e.getValue().saveParameters(out);
        }
        p.setProperty(f.getFileName() + ".bytes", Long.toString(Files.size(f)));
      }
      for (Map.Entry<String, Adam> e : optimisers.entrySet()) {
        Path f = tmp.resolve("opt-" + e.getKey() + ".state");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)))) {
          e.getValue().save(out);
        }
        p.setProperty(f.getFileName() + ".bytes", Long.toString(Files.size(f)));
      }
      writeHistory(tmp.resolve("history.tsv"), state.history());
      writeValidation(tmp.resolve("validation.tsv"), state.validations());
      Files.writeString(tmp.resolve(HEADER), PropertiesText.of(p, "brightpaint training checkpoint"), StandardCharsets.UTF_8);
    });
  }

  /**
   * The generator folder behind what a user gives as a checkpoint: the {@code train --out}
   * folder ({@code OUT/checkpoint/generator}), a checkpoint folder ({@code dir/generator}) or a
   * generator folder itself (holding {@link GeneratorFiles#HEADER}).
   *
   * @param given the folder the user named
   * @return the generator folder, loadable by {@code Generators.load}
   * @throws IllegalArgumentException naming the folder and what was looked for when it is none
   *     of these
   */
  public static Path generatorDir(Path given) {
    if (Files.isRegularFile(given.resolve(GeneratorFiles.HEADER))) {
      return given;
    }
    if (exists(given)) {
      return given.resolve(GENERATOR);
    }
    Path inside = given.resolve(TrainingLoop.CHECKPOINT);
    if (exists(inside)) {
      return inside.resolve(GENERATOR);
    }
    throw new IllegalArgumentException("Not a brightpaint checkpoint: " + given + " has no " + GeneratorFiles.HEADER
        + ", " + HEADER + " or " + TrainingLoop.CHECKPOINT + "/" + HEADER
        + "; give the folder passed to train --out, its checkpoint/ or a saved generator folder");
  }

  /**
   * @param dir a folder
   * @return true when it holds a checkpoint header
   */
  public static boolean exists(Path dir) {
    return dir != null && Files.isRegularFile(dir.resolve(HEADER));
  }

  /**
   * Reads a checkpoint into already-built objects (create the generator from
   * {@code GeneratorFiles.readHeader(dir.resolve("generator"))} first).
   *
   * @param dir the checkpoint folder
   * @param generator receives the generator weights
   * @param networks receive their weights, by name; every name must be present in the checkpoint
   * @param optimisers receive their states, by name, checked against {@code optimised}
   * @param optimised the network each optimiser updates, by the optimiser's name
   * @return the step, seed and history
   * @throws IllegalArgumentException naming the file when the checkpoint is of another format,
   *     version or model, or a file is missing, truncated or corrupt
   * @throws IOException when reading fails otherwise
   */
  public static TrainingState read(Path dir, Generator generator, Map<String, Block> networks,
      Map<String, Adam> optimisers, Map<String, Block> optimised) throws IOException {
    Properties p = header(dir);
    String kind = p.getProperty("kind");
    if (!generator.options().kind().cliName().equals(kind)) {
      throw new IllegalArgumentException("Checkpoint " + dir + " is for model '" + kind + "', not '"
          + generator.options().kind().cliName() + "'");
    }
    Path gdir = dir.resolve(GENERATOR);
    GeneratorFiles.readWeights(gdir, GeneratorFiles.readHeader(gdir), generator.network(), generator.manager());
    NDManager manager = generator.manager();
    for (Map.Entry<String, Block> e : networks.entrySet()) {
      Path f = checkedFile(dir, p, "net-" + e.getKey() + ".params");
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
        e.getValue().loadParameters(manager, in);
      } catch (EOFException | MalformedModelException ex) {
        throw new IllegalArgumentException("Checkpoint file " + f + " is truncated or does not match: "
            + ex.getMessage(), ex);
      }
    }
    for (Map.Entry<String, Adam> e : optimisers.entrySet()) {
      Path f = checkedFile(dir, p, "opt-" + e.getKey() + ".state");
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
        e.getValue().load(in, optimised.get(e.getKey()));
      } catch (EOFException ex) {
        throw new IllegalArgumentException("Checkpoint file " + f + " is truncated", ex);
      }
    }
    try {
      return new TrainingState(Long.parseLong(p.getProperty("step")), Long.parseLong(p.getProperty("seed")),
          readHistory(dir.resolve("history.tsv")), readValidation(dir.resolve("validation.tsv")));
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("Checkpoint " + dir + " has a bad step, seed or history: " + ex.getMessage(),
          ex);
    }
  }

  /**
   * Reads and checks the header.
   *
   * @param dir the checkpoint folder
   * @return its properties
   * @throws IllegalArgumentException when absent or of another format or version
   * @throws IOException when reading fails
   */
  public static Properties header(Path dir) throws IOException {
    Properties p = new Properties();
    Path h = dir.resolve(HEADER);
    try (Reader r = Files.newBufferedReader(h, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Not a brightpaint training checkpoint: " + dir + " has no " + HEADER, e);
    }
    if (!FORMAT.equals(p.getProperty("format"))
        || !Integer.toString(FORMAT_VERSION).equals(p.getProperty("formatVersion"))) {
      throw new IllegalArgumentException(h + " is format " + p.getProperty("format") + " version "
          + p.getProperty("formatVersion") + "; this build reads " + FORMAT + " version " + FORMAT_VERSION);
    }
    return p;
  }

  /**
   * Total size of the files under a folder.
   *
   * @param dir the folder
   * @return bytes
   * @throws IOException when listing fails
   */
  public static long sizeBytes(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      long n = 0;
      for (Path f : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(f)) {
          n += Files.size(f);
        }
      }
      return n;
    }
  }

  private static Path checkedFile(Path dir, Properties p, String name) throws IOException {
    Path f = dir.resolve(name);
    String expected = p.getProperty(name + ".bytes");
    if (expected == null || !Files.exists(f)) {
      throw new IllegalArgumentException("Checkpoint " + dir + " lacks " + name);
    }
    if (Files.size(f) != Long.parseLong(expected)) {
      throw new IllegalArgumentException("Checkpoint file " + f + " is truncated or corrupt: " + Files.size(f)
          + " bytes, header says " + expected);
    }
    return f;
  }

  private static void writeHistory(Path f, List<StepLog> history) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (StepLog s : history) {
        StringBuilder b = new StringBuilder();
        b.append(s.step()).append('\t').append(s.epoch()).append('\t').append(s.learningRate()).append('\t')
            .append(s.seconds());
        for (Map.Entry<String, Double> e : s.losses().entrySet()) {
          b.append('\t').append(e.getKey()).append('=').append(e.getValue());
        }
        w.write(b.toString());
        w.newLine();
      }
    }
  }

  private static List<StepLog> readHistory(Path f) throws IOException {
    List<StepLog> out = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] t = line.split("\t");
      Map<String, Double> losses = new LinkedHashMap<>();
      for (int i = 4; i < t.length; i++) {
        int eq = t[i].indexOf('=');
        losses.put(t[i].substring(0, eq), Double.parseDouble(t[i].substring(eq + 1)));
      }
      out.add(new StepLog(Long.parseLong(t[0]), Integer.parseInt(t[1]), losses, Double.parseDouble(t[2]),
          Double.parseDouble(t[3])));
    }
    return out;
  }

  private static void writeValidation(Path f, List<ValidationResult> results) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (ValidationResult r : results) {
        StringBuilder b = new StringBuilder();
        b.append(r.step()).append('\t').append(r.epoch());
        for (int i = 0; i < r.rmse().length; i++) {
          b.append('\t').append(r.channels().get(i).cpName()).append('=').append(r.rmse()[i]);
        }
        w.write(b.toString());
        w.newLine();
      }
    }
  }

  private static List<ValidationResult> readValidation(Path f) throws IOException {
    List<ValidationResult> out = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] t = line.split("\t");
      List<Channel> ch = new ArrayList<>();
      double[] r = new double[t.length - 2];
      for (int i = 2; i < t.length; i++) {
        int eq = t[i].indexOf('=');
        ch.add(Channel.named(t[i].substring(0, eq)));
        r[i - 2] = Double.parseDouble(t[i].substring(eq + 1));
      }
      out.add(new ValidationResult(Long.parseLong(t[0]), Integer.parseInt(t[1]), ch, r));
    }
    return out;
  }
}
