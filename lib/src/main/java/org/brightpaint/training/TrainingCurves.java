package org.brightpaint.training;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * Loss and validation curves of a run as Tablesaw tables (long format: one row per step and
 * series) and Plotly figures.
 *
 * @param losses columns {@code step, epoch, loss, value}: one row per step and named loss
 * @param validation columns {@code step, epoch, channel, rmse}: one row per validation and channel
 */
public record TrainingCurves(Table losses, Table validation) {

  /**
   * Builds the tables from a run's state.
   *
   * @param state the state (its history and validations)
   * @return the curves
   */
  public static TrainingCurves of(TrainingState state) {
    return of(state.history(), state.validations());
  }

  /**
   * Builds the tables from logs.
   *
   * @param history step logs
   * @param validations validation results
   * @return the curves
   */
  public static TrainingCurves of(List<StepLog> history, List<ValidationResult> validations) {
    IntColumn step = IntColumn.create("step");
    IntColumn epoch = IntColumn.create("epoch");
    StringColumn name = StringColumn.create("loss");
    DoubleColumn value = DoubleColumn.create("value");
    for (StepLog s : history) {
      for (Map.Entry<String, Double> e : s.losses().entrySet()) {
        step.append((int) s.step());
        epoch.append(s.epoch());
        name.append(e.getKey());
        value.append(e.getValue());
      }
    }
    IntColumn vstep = IntColumn.create("step");
    IntColumn vepoch = IntColumn.create("epoch");
    StringColumn channel = StringColumn.create("channel");
    DoubleColumn rmse = DoubleColumn.create("rmse");
    for (ValidationResult r : validations) {
      for (int i = 0; i < r.rmse().length; i++) {
        vstep.append((int) r.step());
        vepoch.append(r.epoch());
        channel.append(r.channels().get(i).cpName());
        rmse.append(r.rmse()[i]);
      }
    }
    return new TrainingCurves(Table.create("losses", step, epoch, name, value),
        Table.create("validation", vstep, vepoch, channel, rmse));
  }

  /** @return training losses against step, one line per loss */
  public Figure lossFigure() {
    return LinePlot.create("Training loss", losses, "step", "value", "loss");
  }

  /** @return validation RMSE (normalised units) against step, one line per channel */
  public Figure validationFigure() {
    return LinePlot.create("Validation RMSE per channel", validation, "step", "rmse", "channel");
  }
}
