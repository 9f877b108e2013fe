package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

class PlotlyEmbedTest {

  private static Figure figure() {
    return new Figure(Layout.builder().title("t").build(),
        ScatterTrace.builder(new double[] {1, 2, 3}, new double[] {4, 5, 6}).build());
  }

  @Test
  void plotlyIsInlinedOnceThenNotAgain() {
    PlotlyEmbed embed = PlotlyEmbed.create();
    assertFalse(embed.inlined());
    String first = embed.html(figure(), "fig_a");
    String second = embed.html(figure(), "fig_b");
    assertTrue(embed.inlined());
    assertEquals(1, count(first, PlotlyEmbed.MARKER_ATTRIBUTE + "=\"2.35.3\""));
    assertTrue(first.contains("plotly.js (cartesian - minified) v2.35.3"), "first figure carries the library");
    assertEquals(0, count(second, PlotlyEmbed.MARKER_ATTRIBUTE));
    assertFalse(second.contains("plotly.js (cartesian - minified) v2.35.3"));
    assertTrue(second.length() < 5_000, "a later figure is only its div and script");
  }

  @Test
  void libraryHidesAmdLoaderSoWindowPlotlyIsSet() {
    String tag = PlotlyEmbed.libraryTag();
    assertTrue(tag.contains("(function (define, module, exports) {"));
    assertTrue(tag.strip().endsWith("}).call(window);\n</script>".strip()));
    assertEquals(1, count(tag, "</script"), "only the closing tag");
  }

  @Test
  void figureHtmlContainsItsDivAndDrawsIntoIt() {
    String html = PlotlyEmbed.create().html(figure(), "fig_42");
    assertTrue(html.contains("<div id=\"fig_42\" class=\"brightpaint-figure\"></div>"), html);
    assertTrue(html.contains("document.getElementById('fig_42')"), html);
    assertTrue(html.contains("Plotly.newPlot(target_fig_42"), html);
  }

  @Test
  void bundleIdsAreUniqueAndPlainTextNamesThem() {
    PlotlyEmbed embed = PlotlyEmbed.create();
    MimeBundle a = embed.bundle(figure());
    MimeBundle b = embed.bundle(figure());
    String idA = a.get(MimeBundle.TEXT).split(" ")[2];
    String idB = b.get(MimeBundle.TEXT).split(" ")[2];
    assertTrue(idA.startsWith(PlotlyEmbed.DIV_PREFIX));
    assertFalse(idA.equals(idB));
    assertTrue(b.get(MimeBundle.HTML).contains("<div id=\"" + idB + "\""));
    assertEquals("Plotly figure " + idB + " (1 traces)", b.get(MimeBundle.TEXT));
  }

  @Test
  void rejectsIdsThatAreNotJavaScriptNames() {
    assertThrows(IllegalArgumentException.class, () -> PlotlyEmbed.create().html(figure(), "a-b"));
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
