package org.brightpaint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns Tablesaw Plotly {@link Figure}s into notebook HTML: plotly.js is inlined once (the first
 * figure of a notebook, i.e. of this object), then every figure is a {@code <div>} plus a script
 * that draws into it.
 *
 * <p>plotly.js is the npm package {@code plotly.js-cartesian-dist-min} {@value #VERSION} (MIT
 * licence; scatter, bar, box, heatmap and histogram, every trace type the library draws; 1.4 MB
 * instead of the full bundle's 4.6 MB), bundled as the resource
 * {@code plotly-cartesian-2.35.3.min.js} next to its {@code LICENSE}, so output
 * renders offline. Its UMD header registers an AMD module instead of {@code window.Plotly} when
 * the page has loaded require.js (classic Notebook, some nbconvert templates); the inlined copy
 * therefore runs inside {@code (function(define, module, exports){...}).call(window)}, which hides
 * those three names and makes plotly.js set {@code window.Plotly} in every page.
 *
 * <p>Not thread-safe: one instance per notebook (kernel), as {@link Display} keeps it.
 */
public final class PlotlyEmbed {

  /** The bundled plotly.js version. */
  public static final String VERSION = "2.35.3";
  /** The attribute that marks the inlined plotly.js script tag (the browser check looks for it). */
  public static final String MARKER_ATTRIBUTE = "data-brightpaint-plotly";
  /** Prefix of every figure's div id. */
  public static final String DIV_PREFIX = "brightpaint_figure_";

  private static final String RESOURCE = "plotly-cartesian-" + VERSION + ".min.js";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile String libraryTag;

  private boolean inlined;

  private PlotlyEmbed() {}

  /** @return an embedder that has not inlined plotly.js yet */
  public static PlotlyEmbed create() {
    return new PlotlyEmbed();
  }

  /** @return whether plotly.js has been inlined by this embedder */
  public boolean inlined() {
    return inlined;
  }

  /**
   * The bundle for one figure: {@code text/html} (plotly.js first if not yet inlined, then the
   * figure's div and script) and a {@code text/plain} summary.
   *
   * @param figure the figure
   * @return the bundle
   */
  public MimeBundle bundle(Figure figure) {
    String id = DIV_PREFIX + COUNTER.incrementAndGet() + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    int traces = figure.getTraces() == null ? 0 : figure.getTraces().length;
    return MimeBundle.ofHtml(html(figure, id), "Plotly figure " + id + " (" + traces + " traces)");
  }

  /**
   * The HTML for one figure with the given div id, inlining plotly.js if this embedder has not.
   *
   * @param figure the figure
   * @param divId the div's id: letters, digits and '_' (it also names a JavaScript variable)
   * @return the HTML fragment
   */
  public String html(Figure figure, String divId) {
    if (figure == null) {
      throw new IllegalArgumentException("figure must not be null");
    }
    if (divId == null || !divId.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Invalid figure div id '" + divId + "': use letters, digits and _");
    }
    StringBuilder sb = new StringBuilder();
    if (!inlined) {
      sb.append(libraryTag());
      inlined = true;
    }
    String js = figure.asJavascript(divId).strip();
    if (js.startsWith("<script>")) {
      js = js.substring("<script>".length());
    }
    if (js.endsWith("</script>")) {
      js = js.substring(0, js.length() - "</script>".length());
    }
    sb.append("<div id=\"").append(divId).append("\" class=\"brightpaint-figure\"></div>\n")
        .append("<script type=\"text/javascript\">\n(function () {\n")
        .append("  if (typeof window.Plotly === 'undefined') {\n")
        .append("    document.getElementById('").append(divId)
        .append("').textContent = 'plotly.js is not loaded: run the notebook from its first cell.';\n")
        .append("    return;\n  }\n  var Plotly = window.Plotly;\n")
        .append(js.replace("</", "<\\/"))
        .append("\n})();\n</script>\n");
    return sb.toString();
  }

  /** @return the {@code <script>} tag that defines {@code window.Plotly} (cached) */
  static String libraryTag() {
    String tag = libraryTag;
    if (tag == null) {
      synchronized (PlotlyEmbed.class) {
        if (libraryTag == null) {
          libraryTag = "<script type=\"text/javascript\" " + MARKER_ATTRIBUTE + "=\"" + VERSION + "\">\n"
              + "(function (define, module, exports) {\n"
              + library().replace("</script", "<\\/script")
              + "\n}).call(window);\n</script>\n";
        }
        tag = libraryTag;
      }
    }
    return tag;
  }

  /** @return the bundled plotly.min.js source */
  static String library() {
    try (InputStream in = PlotlyEmbed.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource org/brightpaint/report/" + RESOURCE
            + ": the library was built without plotly.js");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
