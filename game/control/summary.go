package control

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"descent/game/race"
	"descent/optim"
)

// noteSummary adds, once a run, the ranking of the finished race to the run's
// notes: for each runner the step at which its loss came within
// race.ReachTol of the minimum, or that it did not (race.Summary); a lone
// runner's legend line says it all.
func (c *Controller) noteSummary() {
	if c.summarized || len(c.race.Runners) < 2 || !c.race.Done() { // a ranking of one says nothing
		return
	}
	c.summarized = true
	entries := make([]race.Entry, len(c.cfg.Runners))
	for i, r := range c.cfg.Runners {
		entries[i] = race.Entry{Optimizer: r.Optimizer, Params: c.cfg.RunnerParams(i), Seed: c.cfg.Seed}
	}
	paths, err := race.Replay(c.problem, c.race.Start, entries, c.race.Step)
	if err != nil {
		return
	}
	c.runNotes = append(c.runNotes, summaryNote(race.Summary(paths, c.fmin)))
	c.changed()
}

// summaryNote writes a ranked summary: "Finished: 1. RMSProp reached the
// minimum (loss within 1e-06) at step 70; 2. …".
func summaryNote(results []race.Result) string {
	var b strings.Builder
	b.WriteString("Finished — steps to reach the minimum (loss within " + strconv.FormatFloat(race.ReachTol, 'g', -1, 64) + "):")
	for i, r := range results {
		spec, _ := optim.Lookup(r.Optimizer)
		fmt.Fprintf(&b, " %d. %s ", i+1, spec.Display)
		switch {
		case r.Status == race.Diverged:
			b.WriteString("diverged")
		case r.Reached >= 0:
			b.WriteString("at step " + strconv.Itoa(r.Reached))
		case math.IsNaN(r.Loss):
			b.WriteString("did not reach it")
		default:
			b.WriteString("did not reach it (loss " + formatValue(r.Loss) + ")")
		}
		if i < len(results)-1 {
			b.WriteString(";")
		}
	}
	return b.String() + "."
}
