package org.brightpaint.report;

import java.awt.image.BufferedImage;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The notebook display bridge: one kernel-neutral call that shows a library object in the
 * running Jupyter kernel (rapaio, JJava or IJava, found by reflection, see
 * {@link KernelOutput#detect()}), or writes it to a file and prints the path outside a kernel.
 *
 * <p>Every method returns {@code void}, so a notebook cell ending in {@code Display.show(x);}
 * produces the display and no stray {@code Out[n]}.
 *
 * <pre>{@code
 * Display.show(image);    // java.awt.image.BufferedImage -> image/jpeg or image/png (+ text/plain)
 * Display.show(table);    // tech.tablesaw.api.Table      -> HTML table (first 50 rows)
 * Display.show(figure);   // tech.tablesaw.plotly.components.Figure -> interactive Plotly
 * Display.markdown("**Step 1** ...");
 * }</pre>
 */
public final class Display {

  private static KernelOutput output;
  private static PlotlyEmbed plotly;

  private Display() {}

  /**
   * Shows an object by its type: {@link BufferedImage} as JPEG or PNG
   * ({@link MimeBundle#ofDisplayImage}), Tablesaw {@link Table} as HTML,
   * Plotly {@link Figure} as an interactive figure (plotly.js inlined with the first figure of
   * the kernel), a {@link MimeBundle} as is, anything else as its {@code toString()} text.
   *
   * @param value the object; null shows "null"
   */
  public static void show(Object value) {
    publish(switch (value) {
      case null -> MimeBundle.ofText("null");
      case MimeBundle b -> b;
      case BufferedImage image -> MimeBundle.ofDisplayImage(image);
      case Table table -> MimeBundle.ofTable(table);
      case Figure figure -> figure(figure);
      default -> MimeBundle.ofText(value.toString());
    });
  }

  /**
   * Publishes a table's numbers as headline numbers ({@link MimeBundle#ofHeadlines}): at "ci" size
   * {@code environment/run-notebooks} compares those that {@code environment/headlines-ci.json}
   * lists with their recorded values, within each one's stated tolerance, and names what drifted.
   *
   * @param table the table (first column names the rows)
   */
  public static void headlines(Table table) {
    publish(MimeBundle.ofHeadlines(table));
  }

  /**
   * Shows an HTML fragment (trusted, not escaped).
   *
   * @param html the fragment
   */
  public static void html(String html) {
    publish(MimeBundle.ofHtml(html, html));
  }

  /**
   * Shows Markdown text.
   *
   * @param markdown the text
   */
  public static void markdown(String markdown) {
    publish(MimeBundle.ofMarkdown(markdown));
  }

  /** @return the name of the output in use: "rapaio", "jjava", "ijava" or "files" */
  public static synchronized String outputName() {
    return output().name();
  }

  private static synchronized MimeBundle figure(Figure figure) {
    if (output().standalone()) {
      return PlotlyEmbed.create().bundle(figure);
    }
    if (plotly == null) {
      plotly = PlotlyEmbed.create();
    }
    return plotly.bundle(figure);
  }

  private static synchronized void publish(MimeBundle bundle) {
    output().publish(bundle);
  }

  private static KernelOutput output() {
    if (output == null) {
      output = KernelOutput.detect();
    }
    return output;
  }
}
