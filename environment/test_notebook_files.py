"""Tests of notebook_files (run: python3 -m unittest discover -s environment -p 'test_*.py')."""
import os
import tempfile
import unittest

import nbformat
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_notebook, new_output

import notebook_files

LIB = '<script type="text/javascript" data-brightpaint-plotly="2.35.3">\n(function (define, module, exports) {\nwindow.Plotly={s:"<\\/script>"};\n}).call(window);\n</script>\n'


def figure(n):
    return ('<div id="brightpaint_figure_%d" class="brightpaint-figure"></div>\n'
            '<script type="text/javascript">Plotly.newPlot("brightpaint_figure_%d", [{x: [1], y: [2]}]);</script>\n' % (n, n))


def notebook(kernel_sessions):
    """A notebook whose kernel inlined plotly.js once per session (as a re-run kernel does)."""
    cells = []
    for s in range(kernel_sessions):
        cells.append(new_code_cell("Display.show(f);", outputs=[
            new_output("display_data", data={"text/html": LIB + figure(2 * s), "text/plain": "fig"}),
            new_output("display_data", data={"text/html": figure(2 * s + 1), "text/plain": "fig"})]))
    return new_notebook(cells=cells)


class SharePlotlyTest(unittest.TestCase):

    def test_inlined_plotly_becomes_one_shared_file(self):
        with tempfile.TemporaryDirectory() as d:
            nb = notebook(2)
            self.assertEqual(2, notebook_files.inlined_plotly_copies(nb))
            self.assertEqual(2, notebook_files.share_plotly(nb, d))
            self.assertEqual(0, notebook_files.inlined_plotly_copies(nb))
            self.assertEqual(["plotly-cartesian-2.35.3.js"], os.listdir(d))
            with open(os.path.join(d, "plotly-cartesian-2.35.3.js")) as f:
                js = f.read()
            self.assertIn("}).call(window);", js)  # the AMD-hiding wrapper travels with it
            html = nb.cells[0].outputs[0].data["text/html"]
            self.assertIn('<script type="text/javascript" src="plotly-cartesian-2.35.3.js" data-brightpaint-plotly="2.35.3"></script>', html)
            self.assertIn('class="brightpaint-figure"', html)
            self.assertEqual(figure(1), nb.cells[0].outputs[1].data["text/html"])
            self.assertEqual(0, notebook_files.share_plotly(nb, d), "a second pass changes nothing")

    def test_unexpected_version_is_refused(self):
        nb = new_notebook(cells=[new_code_cell("x", outputs=[new_output(
            "display_data", data={"text/html": LIB.replace("2.35.3", "../../x")})])])
        with tempfile.TemporaryDirectory() as d, self.assertRaises(ValueError):
            notebook_files.share_plotly(nb, d)


class ShareCssTest(unittest.TestCase):

    def test_template_css_becomes_one_linked_file_and_output_styles_stay(self):
        nb = notebook(1)
        nb.cells[0].outputs.append(new_output("display_data", data={
            "text/html": '<style type="text/css">.bp-num{text-align:right}</style><table><tr><td>1</td></tr></table>'}))
        html, _ = HTMLExporter().from_notebook_node(nb)
        self.assertGreater(len(html), 300000)  # nbconvert's lab template inlines its stylesheet
        with tempfile.TemporaryDirectory() as d:
            small = notebook_files.share_css(html, d)
            again = notebook_files.share_css(HTMLExporter().from_notebook_node(nb)[0], d)
            self.assertEqual(small, again, "same input, same bytes")
            css = [f for f in os.listdir(d) if f.endswith(".css")]
            self.assertEqual(1, len(css))
            head = small[:small.index("</head>")]
            self.assertNotIn("<style", head)
            self.assertEqual(1, head.count('<link rel="stylesheet" href="%s">' % css[0]))
            self.assertIn(".bp-num{text-align:right}", small)
            self.assertLess(len(small), 20000)
            with open(os.path.join(d, css[0])) as f:
                self.assertGreater(len(f.read()), 300000)


class RunSizeTest(unittest.TestCase):

    def test_run_bytes_count_this_runs_pages_and_the_shared_files_only(self):
        with tempfile.TemporaryDirectory() as d:
            files = {"01-a.ipynb": 100, "01-a.html": 200, "02-b.ipynb": 4000, "02-b.html": 5000,
                     "plotly-cartesian-2.35.3.js": 30, "notebook-0123456789ab.css": 7, "01-a.kernel.log": 999}
            for name, n in files.items():
                with open(os.path.join(d, name), "wb") as f:
                    f.write(b"x" * n)
            self.assertEqual(100 + 200 + 30 + 7, notebook_files.run_bytes(d, ["01-a"]))
            self.assertEqual(9337, notebook_files.run_bytes(d, ["01-a", "02-b"]))

    def test_a_run_over_the_limit_is_reported_as_failed(self):
        line, over = notebook_files.size_report(15_000_001)
        self.assertTrue(over)
        self.assertTrue(line.startswith("FAILED"), line)
        line, over = notebook_files.size_report(10_204_694)
        self.assertFalse(over)
        self.assertIn("10.20 MB", line)


if __name__ == "__main__":
    unittest.main()
