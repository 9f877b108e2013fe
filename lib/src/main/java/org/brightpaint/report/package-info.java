/**
 * Reports: atomic CSV/HTML output ({@link org.brightpaint.report.CsvOutput}), the offline HTML
 * report with inline plotly ({@link org.brightpaint.report.HtmlReport}) and the notebook display
 * bridge.
 */
package org.brightpaint.report;
