package org.brightpaint.training;

import java.util.List;
import org.brightpaint.data.Channel;

/**
 * Validation at the end of an epoch: root mean squared error per output channel over the
 * validation split, in normalised units: {@code RMSE_c = sqrt(mean over pixels and images of
 * (pred_c - truth_c)^2)}.
 *
 * @param step global step at validation
 * @param epoch epoch just finished, 0-based
 * @param channels output channels
 * @param rmse one RMSE per channel
 */
public record ValidationResult(long step, int epoch, List<Channel> channels, double[] rmse) {

  /** @return the mean of the per-channel RMSEs */
  public double meanRmse() {
    double s = 0;
    for (double r : rmse) {
      s += r;
    }
    return s / rmse.length;
  }
}
