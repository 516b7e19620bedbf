package race

import (
	"fmt"
	"math"
)

// TuneGrid are the learning rates TuneLR tries: half-decades across the
// range every optimizer's α accepts.
var TuneGrid = []float64{1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3}

// TuneLR runs e's optimizer from start for steps steps with each learning rate
// of grid and returns the one that leaves the loss lowest, the way a learner
// would tune α by hand. A run that diverges is out; for a stochastic optimizer
// the loss is averaged over the last fifth of the run, so one lucky step does
// not decide. It returns an error when every rate diverges.
func TuneLR(s Surface, e Entry, start [2]float64, steps int, grid []float64) (float64, error) {
	if err := checkSurface(s, start); err != nil {
		return 0, err
	}
	best, bestLoss := 0.0, math.Inf(1)
	a := arenaOf(s)
	for _, lr := range grid {
		params := map[string]float64{}
		for k, v := range e.Params {
			params[k] = v
		}
		params["lr"] = lr
		r, err := newRunner(0, Entry{Optimizer: e.Optimizer, Params: params, Seed: e.Seed}, 0)
		if err != nil {
			return 0, fmt.Errorf("race: tuning %s: %w", e.Optimizer, err)
		}
		r.restart(s, start)
		tail := max(1, steps/5)
		sum, n := 0.0, 0
		for t := 1; t <= steps && r.Status != Diverged; t++ {
			r.step(s, a, t)
			if t > steps-tail {
				sum += r.Loss
				n++
			}
		}
		if r.Status == Diverged {
			continue
		}
		loss := r.Loss
		if n > 0 {
			loss = sum / float64(n)
		}
		if loss < bestLoss {
			best, bestLoss = lr, loss
		}
	}
	if math.IsInf(bestLoss, 1) {
		return 0, fmt.Errorf("race: %s diverged with every learning rate from %g to %g", e.Optimizer, grid[0], grid[len(grid)-1])
	}
	return best, nil
}
