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
	t, err := NewTuner(s, e, start, steps, grid)
	if err != nil {
		return 0, err
	}
	for !t.Advance(math.MaxInt) {
	}
	return t.Result()
}

// Tuner is TuneLR taken a few steps at a time, so that tuning never holds up
// a frame: Advance does a bounded amount of work and says when it is done.
type Tuner struct {
	s     Surface
	e     Entry
	start [2]float64
	steps int
	grid  []float64
	a     arena

	taken    int     // steps taken in all trials
	k        int     // the index in grid of the rate being tried
	t        int     // the steps taken with it
	r        *Runner // its runner
	sum      float64 // its losses over the last fifth
	n        int
	best     float64
	bestLoss float64
}

// NewTuner returns a tuner that has taken no step, or an error if the surface
// or start is unusable, or e names an unknown optimizer or a bad parameter.
func NewTuner(s Surface, e Entry, start [2]float64, steps int, grid []float64) (*Tuner, error) {
	if err := checkSurface(s, start); err != nil {
		return nil, err
	}
	if len(grid) == 0 || steps < 1 {
		return nil, fmt.Errorf("race: tuning %s over %d rates for %d steps, want at least one of each", e.Optimizer, len(grid), steps)
	}
	if _, err := newRunner(0, e, 0); err != nil {
		return nil, fmt.Errorf("race: tuning %s: %w", e.Optimizer, err)
	}
	return &Tuner{s: s, e: e, start: start, steps: steps, grid: grid, a: arenaOf(s), bestLoss: math.Inf(1)}, nil
}

// Done is the fraction of the work done, from 0 to 1.
func (t *Tuner) Done() float64 {
	return (float64(t.k) + float64(t.t)/float64(t.steps)) / float64(len(t.grid))
}

// Taken returns how many steps all the trials have taken so far.
func (t *Tuner) Taken() int { return t.taken }

// Advance takes at most budget steps of the trials and reports whether every
// rate has been tried.
func (t *Tuner) Advance(budget int) bool {
	for ; budget > 0 && t.k < len(t.grid); budget-- {
		if t.r == nil {
			params := make(map[string]float64, len(t.e.Params)+1)
			for k, v := range t.e.Params {
				params[k] = v
			}
			params["lr"] = t.grid[t.k]
			t.r, _ = newRunner(0, Entry{Optimizer: t.e.Optimizer, Params: params, Seed: t.e.Seed}, 0) // checked in NewTuner
			t.r.restart(t.s, t.start)
			t.t, t.sum, t.n = 0, 0, 0
		}
		t.t++
		t.taken++
		t.r.step(t.s, &t.a, t.t)
		if tail := max(1, t.steps/5); t.t > t.steps-tail && t.r.Status != Diverged {
			t.sum += t.r.Loss
			t.n++
		}
		if t.t == t.steps || t.r.Status == Diverged {
			t.finishTrial()
		}
	}
	return t.k == len(t.grid)
}

func (t *Tuner) finishTrial() {
	if t.r.Status != Diverged {
		loss := t.r.Loss
		if t.n > 0 {
			loss = t.sum / float64(t.n)
		}
		if loss < t.bestLoss {
			t.best, t.bestLoss = t.grid[t.k], loss
		}
	}
	t.r = nil
	t.k++
	t.t = 0
}

// Result returns the rate that left the loss lowest, or an error when every
// rate diverged. It panics before Advance has reported the work done.
func (t *Tuner) Result() (float64, error) {
	if t.k < len(t.grid) {
		panic("race: Tuner.Result before the tuning is done")
	}
	if math.IsInf(t.bestLoss, 1) {
		return 0, fmt.Errorf("race: %s diverged with every learning rate from %g to %g", t.e.Optimizer, t.grid[0], t.grid[len(t.grid)-1])
	}
	return t.best, nil
}
