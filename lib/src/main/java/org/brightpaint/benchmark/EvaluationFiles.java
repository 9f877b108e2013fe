package org.brightpaint.benchmark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The stored form of an {@link Evaluation.Result}: the benchmark's {@code evaluate} stage computes
 * the evaluation once (seeded) and writes it here; every later run and every notebook (09 to 14)
 * reads it back instead of recomputing, so all of them show the same numbers (issue 10).
 *
 * <p>Layout of the folder:
 * <ul>
 *   <li>{@code tables/<name>.csv}: every table ({@link ReportFiles#write}: doubles as
 *       {@link Double#toString}, which reads back to the same bits; NaN as an empty cell);</li>
 *   <li>{@code tables.tsv}: one line per column, {@code table TAB column TAB type}, in order, so
 *       that a column reads back with its type (an all-integer double column stays double);</li>
 *   <li>{@code figures/<n>.js} and {@code figures.tsv} ({@code name TAB traces}): each figure's
 *       Plotly JavaScript with the placeholder {@value #DIV} as its div id;</li>
 *   <li>{@code galleries/<n>.png} and {@code galleries.tsv}: the images and their names;</li>
 *   <li>{@code notes.txt}: one note per line.</li>
 * </ul>
 * Every file is written atomically; the stage folder itself appears only when complete
 * ({@link StageRunner}).
 */
public final class EvaluationFiles {

  /** The div-id placeholder in stored figure JavaScript. */
  public static final String DIV = "brightpaint_stored_div";

  private EvaluationFiles() {}

  /**
   * Writes an evaluation.
   *
   * @param result the evaluation
   * @param dir the folder (created if needed)
   */
  public static void write(Evaluation.Result result, Path dir) {
    StringBuilder schema = new StringBuilder();
    for (var e : result.tables().entrySet()) {
      check(e.getKey());
      Table t = e.getValue();
      ReportFiles.write(t, dir.resolve("tables").resolve(e.getKey() + ".csv"));
      for (var c : t.columns()) schema.append(e.getKey()).append('\t').append(c.name()).append('\t').append(c.type().name()).append('\n');
    }
    ReportFiles.writeString(schema.toString(), dir.resolve("tables.tsv"));
    StringBuilder figs = new StringBuilder();
    int i = 0;
    for (var e : result.figures().entrySet()) {
      check(e.getKey());
      ReportFiles.writeString(e.getValue().asJavascript(DIV), dir.resolve("figures").resolve(i++ + ".js"));
      int traces = e.getValue().getTraces() == null ? 0 : e.getValue().getTraces().length;
      figs.append(e.getKey()).append('\t').append(traces).append('\n');
    }
    ReportFiles.writeString(figs.toString(), dir.resolve("figures.tsv"));
    StringBuilder imgs = new StringBuilder();
    i = 0;
    for (var e : result.images().entrySet()) {
      check(e.getKey());
      ReportFiles.writeBytes(BenchmarkReport.png(e.getValue()), dir.resolve("galleries").resolve(i++ + ".png"));
      imgs.append(e.getKey()).append('\n');
    }
    ReportFiles.writeString(imgs.toString(), dir.resolve("galleries.tsv"));
    StringBuilder notes = new StringBuilder();
    for (String n : result.notes()) notes.append(n.replace('\n', ' ')).append('\n');
    ReportFiles.writeString(notes.toString(), dir.resolve("notes.txt"));
  }

  /**
   * Reads an evaluation written by {@link #write}.
   *
   * @param dir the folder
   * @return the evaluation: same tables (same values, types and order), figures (same
   *     JavaScript), images and notes
   * @throws IllegalArgumentException when a file is missing or does not match its index
   */
  public static Evaluation.Result read(Path dir) {
    Map<String, List<String[]>> schema = new LinkedHashMap<>();
    for (String line : lines(dir.resolve("tables.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f.length != 3) throw new IllegalArgumentException(dir.resolve("tables.tsv") + ": bad line '" + line + "'; delete the stage folder " + dir + " to recompute");
      schema.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (var e : schema.entrySet()) tables.put(e.getKey(), table(dir.resolve("tables").resolve(e.getKey() + ".csv"), e.getKey(), e.getValue()));
    Map<String, Figure> figures = new LinkedHashMap<>();
    int i = 0;
    for (String line : lines(dir.resolve("figures.tsv"))) {
      String[] f = line.split("\t", -1);
      figures.put(f[0], new StoredFigure(text(dir.resolve("figures").resolve(i++ + ".js")), Integer.parseInt(f[1])));
    }
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    i = 0;
    for (String name : lines(dir.resolve("galleries.tsv"))) {
      Path p = dir.resolve("galleries").resolve(i++ + ".png");
      try {
        images.put(name, javax.imageio.ImageIO.read(p.toFile()));
      } catch (IOException ex) {
        throw new UncheckedIOException("Cannot read " + p, ex);
      }
    }
    return new Evaluation.Result(tables, figures, images, new ArrayList<>(lines(dir.resolve("notes.txt"))));
  }

  private static Table table(Path csv, String name, List<String[]> columns) {
    ColumnType[] types = new ColumnType[columns.size()];
    for (int c = 0; c < types.length; c++) types[c] = type(columns.get(c)[1], csv);
    Table t;
    if (text(csv).lines().findFirst().orElse("").isEmpty()) {
      t = Table.create(name); // a table without columns
    } else {
      try {
        t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types).missingValueIndicator("")
            .maxCharsPerColumn(1 << 20).maxNumberOfColumns(Math.max(512, types.length + 1)).build());
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("Cannot read stored table " + csv + ": " + ex.getMessage(), ex);
      }
    }
    t.setName(name);
    for (int c = 0; c < columns.size(); c++) {
      if (c >= t.columnCount() || !t.column(c).name().equals(columns.get(c)[0])) {
        throw new IllegalArgumentException(csv + " does not match tables.tsv at column " + c + "; delete its stage folder to recompute");
      }
    }
    return t;
  }

  private static ColumnType type(String name, Path csv) {
    for (ColumnType t : ColumnType.values()) {
      if (t.name().equals(name)) return t;
    }
    throw new IllegalArgumentException(csv + ": unknown column type " + name);
  }

  private static void check(String name) {
    if (name.contains("\t") || name.contains("\n") || name.contains("/")) {
      throw new IllegalArgumentException("Evaluation part name '" + name + "' holds a tab, newline or '/'");
    }
  }

  private static List<String> lines(Path p) {
    return text(p).lines().toList();
  }

  private static String text(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("Missing stored evaluation file " + p + "; delete the stage folder " + p.getParent() + " to recompute", e);
    }
  }

  /** A figure read back: its stored JavaScript with the div id put in. */
  static final class StoredFigure extends Figure {
    private final String js;
    private final int traces;

    StoredFigure(String js, int traces) {
      super(new Trace[0]);
      this.js = js;
      this.traces = traces;
    }

    @Override
    public String asJavascript(String divName) {
      return js.replace(DIV, divName);
    }

    @Override
    public Trace[] getTraces() {
      return new Trace[traces];
    }
  }
}
