package control

import (
	"testing"

	"descent/game/race"
	"descent/optim"
)

// trialSteps is how many trial steps the sweep in progress has taken.
func trialSteps(c *Controller) int {
	n := 0
	for _, tu := range c.tuning.tuners {
		if tu != nil {
			n += tu.Taken()
		}
	}
	return n
}

// tuneAll starts the sweep and ticks it to its end. It checks that the sweep
// spreads over ticks: every tick but the last takes exactly tuneBudget trial
// steps, the last at most that, and the progress grows from 0 towards 1.
func tuneAll(t *testing.T, c *Controller) {
	t.Helper()
	do(t, c, Tune{})
	progress, ok := c.Tuning()
	if !ok || progress != 0 {
		t.Fatalf("Tuning() = %v, %v right after Tune, want 0, true", progress, ok)
	}
	if st, pg := c.State(), c.Page(); st.Tuning != 0 || pg.Tuning != 0 {
		t.Errorf("State().Tuning %v, Page().Tuning %v after Tune, want 0", st.Tuning, pg.Tuning)
	}
	total := 0
	for tick := 1; ; tick++ {
		before := trialSteps(c)
		tuning := c.tuning
		v := c.Version()
		c.Tick()
		took := 0
		for _, tu := range tuning.tuners {
			if tu != nil {
				took += tu.Taken()
			}
		}
		took -= before
		total += took
		if c.Version() == v {
			t.Errorf("tick %d: version unchanged, want the progress shown", tick)
		}
		now, running := c.Tuning()
		if !running {
			if took > tuneBudget {
				t.Errorf("last tick %d took %d trial steps, want at most %d", tick, took, tuneBudget)
			}
			if tick < 2 {
				t.Errorf("the sweep ended in %d tick, want it spread over several", tick)
			}
			t.Logf("%d trial steps over %d ticks", total, tick)
			break
		}
		if took != tuneBudget {
			t.Errorf("tick %d took %d trial steps, want %d", tick, took, tuneBudget)
		}
		if !(now > progress && now < 1) {
			t.Errorf("tick %d: progress %v after %v, want it to grow below 1", tick, now, progress)
		}
		if st := c.State(); st.Tuning != now {
			t.Errorf("tick %d: State().Tuning %v, want %v", tick, st.Tuning, now)
		}
		progress = now
		if tick > 1000 {
			t.Fatalf("the sweep did not end in %d ticks", tick)
		}
	}
	if st := c.State(); st.Tuning != -1 {
		t.Errorf("State().Tuning %v after the sweep, want -1", st.Tuning)
	}
}

// TestTuneSetsEveryRunnersAlphaToTuneLRs: the sweep, run a tick's slice at a
// time, gives each runner the α that race.TuneLR picks from the same start.
func TestTuneSetsEveryRunnersAlphaToTuneLRs(t *testing.T) {
	// The notes' defaults make gradient descent and momentum fly off
	// Rosenbrock (build/race_test.go, TestTuneMakesRosenbrockRaceable).
	// Their default α are written in the link, as by hand, or Rosenbrock's recommendations would apply.
	c := sized(t, "problem=rosenbrock&o=gd:lr=0.05;momentum:lr=0.02;adam&paused=1")
	do(t, c, Step{N: 300})
	if c.Race().Runners[0].Status != race.Diverged {
		t.Fatalf("gd did not diverge at its default α on Rosenbrock: the test lost its point")
	}
	cfg := c.Config()
	var want []float64
	for i, r := range cfg.Runners {
		lr, err := race.TuneLR(c.Problem(), race.Entry{Optimizer: r.Optimizer, Params: cfg.RunnerParams(i), Seed: cfg.Seed}, c.Race().Start, tuneSteps, race.TuneGrid)
		if err != nil {
			t.Fatalf("TuneLR(%s): %v", r.Optimizer, err)
		}
		want = append(want, lr)
	}
	tuneAll(t, c)
	st := c.State()
	if st.Step != 0 {
		t.Errorf("step %d after tuning, want the race restarted at 0", st.Step)
	}
	for i, r := range st.Runners {
		if r.Params["lr"] != want[i] {
			t.Errorf("%s α = %g after tuning, want TuneLR's %g", r.Optimizer, r.Params["lr"], want[i])
		}
	}
	for i, r := range cfg.Runners {
		if old := r.FullParams()["lr"]; st.Runners[i].Params["lr"] == old {
			t.Errorf("%s α still %g after tuning, want it changed (TuneLR picks %g)", r.Optimizer, old, want[i])
		}
	}
	notes := c.Notes()
	if count(notes, "Tuned α") != 1 || count(notes, "kept its α") != 0 {
		t.Errorf("notes %q, want one saying what tuning did and none of a failure", notes)
	}
	// The tuned race is the link's: it reads back the same.
	if got := New(st.Hash).State().Runners; len(got) != len(want) || got[0].Params["lr"] != want[0] {
		t.Errorf("the link %q does not hold the tuned rates", st.Hash)
	}
}

// TestTuneKeepsTheAlphaOfARunnerThatAlwaysDiverges: on f = −x⁴ − y⁴ gradient
// descent x ← x + 4αx³ from (−4, 4) blows up in finite time for every rate of
// the grid (about 1/(8αx₀²) = 78 steps at the smallest, α = 1e-4, well within
// tuneSteps), while Adam's steps stay about α long and never leave the arena.
func TestTuneKeepsTheAlphaOfARunnerThatAlwaysDiverges(t *testing.T) {
	c := sized(t, "expr=-x%5E4-y%5E4&start=-4,4&o=gd:lr=0.02;adam&paused=1")
	tuneAll(t, c)
	st := c.State()
	if got := st.Runners[0].Params["lr"]; got != 0.02 {
		t.Errorf("gd α = %g after a sweep where every rate diverged, want 0.02 kept", got)
	}
	spec, _ := optim.Lookup("gd")
	if notes := c.Notes(); count(notes, "Tuned α") != 1 || count(notes, spec.Display+" diverged at every rate and kept its α") != 1 {
		t.Errorf("notes %q, want the tuning note and one naming %s", notes, spec.Display)
	}
}

// TestTuneIsForgottenByAnEditThatRestarts: a sweep in progress belongs to the
// race it started from; a new race drops it.
func TestTuneIsForgottenByAnEditThatRestarts(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=gd;adam&paused=1")
	do(t, c, Tune{})
	c.Tick()
	do(t, c, SetParam{Runner: 1, Name: "lr", Text: "0.2"})
	if p, ok := c.Tuning(); ok {
		t.Errorf("Tuning() = %v, true after an edit restarted the race, want none", p)
	}
	c.Tick()
	if got := c.State().Runners[1].Params["lr"]; got != 0.2 {
		t.Errorf("adam α = %g, want the edited 0.2", got)
	}
	if notes := c.Notes(); count(notes, "Tuned") != 0 {
		t.Errorf("notes %q, want no tuning note", notes)
	}
}

// TestTuneAfterAClickFitsTheNewStart: the sweep tunes α "from this start", as
// its note says; a click that moves the start while it runs must not leave
// the runners with rates tuned for the old one. Either the sweep is dropped
// (as an edit that rebuilds the race drops it) or its rates are TuneLR's
// from the new start.
func TestTuneAfterAClickFitsTheNewStart(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=gd;adam&paused=1")
	before := c.State()
	do(t, c, Tune{})
	c.Tick()
	// From (1.5, −0.5) TuneLR picks other rates than from Rosenbrock's own
	// start (−1.2, 1): 0.0003 rather than 0.003 for gd, 0.03 rather than 1 for Adam.
	sx, sy := c.field.ToScreen(1.5, -0.5)
	do(t, c, Click{X: sx / testDPR, Y: sy / testDPR, CanvasW: cssW, CanvasH: cssH})
	for range 1000 {
		if _, running := c.Tuning(); !running {
			break
		}
		c.Tick()
	}
	st := c.State()
	if count(st.Notes, "Tuned α") == 0 {
		for i, r := range st.Runners {
			if r.Params["lr"] != before.Runners[i].Params["lr"] {
				t.Errorf("the sweep was dropped but %s's α changed from %g to %g", r.Optimizer, before.Runners[i].Params["lr"], r.Params["lr"])
			}
		}
		return
	}
	cfg := c.Config()
	for i, r := range cfg.Runners {
		want, err := race.TuneLR(c.Problem(), race.Entry{Optimizer: r.Optimizer, Params: before.Runners[i].Params, Seed: cfg.Seed}, st.Start, tuneSteps, race.TuneGrid)
		if err != nil {
			t.Fatalf("TuneLR(%s) from %v: %v", r.Optimizer, st.Start, err)
		}
		if got := st.Runners[i].Params["lr"]; got != want {
			t.Errorf("%s α = %g after tuning across a click, want TuneLR's %g from the new start %v", r.Optimizer, got, want, st.Start)
		}
	}
}

// TestTuneToTheDefaultLeavesTheLinkShort: Newton's method with α = 1 lands on
// a quadratic's minimum in one step (the notes' Newton step θ − H⁻¹∇f), so the
// sweep picks 1, its default, which the link then leaves out.
func TestTuneToTheDefaultLeavesTheLinkShort(t *testing.T) {
	c := sized(t, "problem=quadratic&o=newton:lr=0.3&paused=1")
	tuneAll(t, c)
	cfg := c.Config()
	if _, explicit := cfg.Runners[0].Params["lr"]; explicit || c.State().Runners[0].Params["lr"] != 1 {
		t.Errorf("newton α %v (explicit %v), hash %q; want the default 1, left out of the link", c.State().Runners[0].Params["lr"], explicit, cfg.Hash())
	}
}
