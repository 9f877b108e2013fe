package org.brightpaint.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar with the main loss, throughput and ETA:
 * <pre>
 * [=========>          ]  120/400  30%  loss 0.01234  3.2 it/s  ETA 1m27s
 * </pre>
 * {@link Style#CARRIAGE_RETURN} redraws one line (terminals and Jupyter, which honours
 * {@code \r} in stream output), at most twice a second; {@link Style#LINES} prints a new line
 * every 10% (log files, CI). Validation results are printed on their own line.
 */
public final class ProgressBar implements TrainingListener {

  /** How the bar is drawn. */
  public enum Style {
    /** Redraw one line with {@code \r}, throttled to 2 Hz. */
    CARRIAGE_RETURN,
    /** One line per 10% of the run. */
    LINES
  }

  private static final int WIDTH = 20;
  private final PrintStream out;
  private final Style style;
  private long first;
  private long total;
  private long startNanos;
  private long lastDraw;
  private long lastDecile = -1;

  private ProgressBar(PrintStream out, Style style) {
    this.out = out;
    this.style = style;
  }

  /**
   * @param out where to draw
   * @param style how
   * @return the bar
   */
  public static ProgressBar of(PrintStream out, Style style) {
    return new ProgressBar(out, style);
  }

  /**
   * A bar on standard output: carriage-return style in a terminal or a Jupyter kernel
   * ({@code JPY_PARENT_PID} set), lines otherwise.
   *
   * @return the bar
   */
  public static ProgressBar auto() {
    boolean interactive = System.console() != null || System.getenv("JPY_PARENT_PID") != null;
    return new ProgressBar(System.out, interactive ? Style.CARRIAGE_RETURN : Style.LINES);
  }

  @Override
  public void onTrainingBegin(long firstStep, long totalSteps) {
    first = firstStep;
    total = totalSteps;
    startNanos = System.nanoTime();
    lastDraw = 0;
    if (firstStep > 1) {
      out.println("Resuming at step " + firstStep + " of " + totalSteps);
    }
  }

  @Override
  public void onStep(StepLog log) {
    long now = System.nanoTime();
    double elapsed = (now - startNanos) / 1e9;
    double rate = (log.step() - first + 1) / Math.max(elapsed, 1e-9);
    String line = render(log.step(), total, log.losses().keySet().iterator().next(), log.mainLoss(), rate);
    if (style == Style.CARRIAGE_RETURN) {
      if (now - lastDraw > 500_000_000L || log.step() == total) {
        out.print("\r" + line);
        out.flush();
        lastDraw = now;
      }
    } else {
      long decile = log.step() * 10 / total;
      if (decile != lastDecile) {
        out.println(line);
        lastDecile = decile;
      }
    }
  }

  @Override
  public void onValidation(ValidationResult r) {
    StringBuilder b = new StringBuilder(style == Style.CARRIAGE_RETURN ? "\r" : "");
    b.append(String.format(Locale.ROOT, "epoch %d validation RMSE", r.epoch()));
    for (int i = 0; i < r.rmse().length; i++) {
      b.append(String.format(Locale.ROOT, " %s %.4f", r.channels().get(i).cpName(), r.rmse()[i]));
    }
    // pad so a shorter line fully covers the bar it overwrites
    out.println(String.format(Locale.ROOT, "%-78s", b));
    lastDraw = 0;
  }

  @Override
  public void onTrainingEnd(long lastStep) {
    if (style == Style.CARRIAGE_RETURN) {
      out.println();
    }
    out.flush();
  }

  /**
   * The bar's text.
   *
   * @param step steps done
   * @param total total steps
   * @param lossName name of the shown loss
   * @param loss its value
   * @param stepsPerSecond throughput
   * @return e.g. {@code "[=====>              ]  100/400  25%  mse 0.01234  2.0 it/s  ETA 2m30s"}
   */
  public static String render(long step, long total, String lossName, double loss, double stepsPerSecond) {
    int filled = (int) (WIDTH * step / Math.max(1, total));
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      bar.append(i < filled - 1 || (i == filled - 1 && step == total) ? '=' : i == filled - 1 ? '>' : ' ');
    }
    bar.append(']');
    long pct = 100 * step / Math.max(1, total);
    double eta = stepsPerSecond > 0 ? (total - step) / stepsPerSecond : Double.NaN;
    return String.format(Locale.ROOT, "%s %4d/%d %3d%%  %s %.5f  %.1f it/s  ETA %s", bar, step, total, pct, lossName,
        loss, stepsPerSecond, duration(eta));
  }

  /**
   * @param seconds a duration
   * @return "1h02m", "3m05s", "42s" or "?" for NaN
   */
  public static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
