package control

import (
	"fmt"
	"strings"

	"descent/game/race"
	"descent/optim"
)

// tuneSteps is how long each trial of the α sweep runs.
const tuneSteps = 300

// tuneBudget is how many trial steps one tick takes: about a millisecond in
// the browser, so tuning eight runners spreads over about a second of frames.
const tuneBudget = 2000

// tuning is the α sweep in progress: one Tuner per runner, run in turn.
type tuning struct {
	tuners []*race.Tuner // nil where the runner cannot be tuned
	at     int           // the runner being tuned
}

// Tune starts the sweep of every runner's α over race.TuneGrid from the
// current start; ticks carry it out, and its end restarts the race.
type Tune struct{}

func (Tune) apply(c *Controller) []string {
	t := &tuning{}
	for i, r := range c.cfg.Runners {
		tu, err := race.NewTuner(c.problem, race.Entry{Optimizer: r.Optimizer, Params: c.cfg.RunnerParams(i), Seed: c.cfg.Seed}, c.race.Start, tuneSteps, race.TuneGrid)
		if err != nil {
			tu = nil
		}
		t.tuners = append(t.tuners, tu)
	}
	c.tuning = t
	c.changed()
	return nil
}

// Tuning returns how much of the α sweep is done, from 0 to 1, and false when
// none is running.
func (c *Controller) Tuning() (float64, bool) {
	if c.tuning == nil {
		return 0, false
	}
	t := c.tuning
	done := float64(t.at)
	if t.at < len(t.tuners) && t.tuners[t.at] != nil {
		done += t.tuners[t.at].Done()
	}
	return done / float64(len(t.tuners)), true
}

// tickTuning takes one tick's slice of the sweep, and applies it when done.
func (c *Controller) tickTuning() {
	t := c.tuning
	if t == nil {
		return
	}
	for budget := tuneBudget; budget > 0 && t.at < len(t.tuners); {
		tu := t.tuners[t.at]
		if tu == nil {
			t.at++
			continue
		}
		before := tu.Taken()
		if tu.Advance(budget) {
			t.at++
		}
		budget -= max(1, tu.Taken()-before)
	}
	c.version++ // the progress shown
	if t.at < len(t.tuners) {
		return
	}
	c.tuning = nil
	cfg := c.cfg.Clone()
	var failed []string
	for i, tu := range t.tuners {
		lr, err := 0.0, fmt.Errorf("not tunable")
		if tu != nil {
			lr, err = tu.Result()
		}
		if err != nil {
			spec, _ := optim.Lookup(cfg.Runners[i].Optimizer)
			failed = append(failed, spec.Display)
			continue
		}
		cfg.Runners[i].Params["lr"] = lr // a hand value: apply drops it if it is the baseline
	}
	c.apply(cfg, nil)
	c.changeNotes = append(c.changeNotes, fmt.Sprintf("Tuned α: each runner now has the rate from %g to %g that left its loss lowest after %d steps from this start.",
		race.TuneGrid[0], race.TuneGrid[len(race.TuneGrid)-1], tuneSteps))
	if len(failed) > 0 {
		c.changeNotes = append(c.changeNotes, fmt.Sprintf("%s diverged at every rate and kept its α.", strings.Join(failed, ", ")))
	}
}
