package config

import (
	"math"
	"testing"

	"descent/game/race"
)

// racePreset builds the race a preset describes and runs it for steps.
func racePreset(t *testing.T, name string, steps int) *race.Race {
	t.Helper()
	c, errs := Parse("preset=" + name)
	if len(errs) != 0 {
		t.Fatalf("preset %s: %v", name, errs)
	}
	p, err := c.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	var entries []race.Entry
	for i, r := range c.Runners {
		entries = append(entries, race.Entry{Optimizer: r.Optimizer, Params: c.RunnerParams(i), Seed: c.Seed})
	}
	r, err := race.New(p, c.Start, entries, steps+1)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(steps)
	return r
}

// TestPresetsShowTheNotesFigures checks that each preset shows what its figure
// in the course notes (§3.3–3.5) says.
func TestPresetsShowTheNotesFigures(t *testing.T) {
	t.Run("fig2a: fast steady progress", func(t *testing.T) {
		// f = x² + y², α = 0.4: each coordinate shrinks by |1 − 2α| = 0.2 a step.
		gd := racePreset(t, "fig2a", 12).Runners[0]
		if gd.Loss > 1e-12 || gd.Status == race.Diverged {
			t.Errorf("after 12 steps: loss %g, status %v; want below 1e-12", gd.Loss, gd.Status)
		}
	})
	t.Run("fig2b: oscillates vertically and diverges", func(t *testing.T) {
		// f = 0.1x² + 10y², α = 0.4: y is multiplied by 1 − 20α = −7 a step.
		r := racePreset(t, "fig2b", 3)
		ys := []float64{}
		for _, p := range r.Runners[0].Trail(nil) {
			ys = append(ys, p[1])
		}
		for i := 1; i < len(ys); i++ {
			if math.Signbit(ys[i]) == math.Signbit(ys[i-1]) || math.Abs(ys[i]) <= math.Abs(ys[i-1]) {
				t.Errorf("y went %v: want it to flip sign and grow every step", ys)
				break
			}
		}
		r.Advance(100)
		if gd := r.Runners[0]; gd.Status != race.Diverged {
			t.Errorf("status %v after 103 steps, want diverged", gd.Status)
		}
	})
	t.Run("fig2c: stable but slow", func(t *testing.T) {
		// α = 0.01: y shrinks by 0.8 a step, x by only 1 − 0.2α = 0.998.
		gd := racePreset(t, "fig2c", 100).Runners[0]
		if gd.Status == race.Diverged || math.Abs(gd.Y) > 1e-6 || gd.X > -4.5*0.81 {
			t.Errorf("after 100 steps at (%g, %g): want y settled and x still beyond -3.6 (0.998¹⁰⁰ = 0.82)", gd.X, gd.Y)
		}
	})
	t.Run("fig3: momentum gets there first", func(t *testing.T) {
		r := racePreset(t, "fig3", 150)
		gd, mom := r.Runners[0], r.Runners[1]
		if !(mom.Loss < gd.Loss/100) {
			t.Errorf("after 150 steps: momentum's loss %g, gradient descent's %g; want momentum's 100× lower", mom.Loss, gd.Loss)
		}
	})
	t.Run("fig4: RMSProp moves both directions alike", func(t *testing.T) {
		r := racePreset(t, "fig4", 40)
		gd, rms := r.Runners[0], r.Runners[1]
		if !(rms.Loss < gd.Loss/4) {
			t.Errorf("after 40 steps: RMSProp's loss %g, gradient descent's %g; want RMSProp's 4× lower", rms.Loss, gd.Loss)
		}
	})
}

func TestPresetsBeyondTheFigures(t *testing.T) {
	t.Run("sgd-batch: noise shrinks as the batch grows", func(t *testing.T) {
		r := racePreset(t, "sgd-batch", 400)
		p, _ := r.Surface.(interface{ MinValue() float64 })
		best := p.MinValue()
		// The mean excess loss over the last 200 steps: the noise floor each
		// runner jitters on. Gradient descent has none left.
		floor := func(i int) float64 {
			rn := r.Runners[i]
			ls := rn.Losses(nil)
			ls = ls[max(0, len(ls)-200):] // a runner that converged stopped early
			sum := 0.0
			for _, l := range ls {
				sum += l - best
			}
			return sum / float64(len(ls))
		}
		gd, b32, b1 := floor(0), floor(1), floor(2)
		t.Logf("excess loss: gd %g, batch 32 %g, batch 1 %g", gd, b32, b1)
		if !(gd < b32 && b32 < b1) || !(b1 > 4*b32) {
			t.Errorf("excess loss over the last 200 steps: gd %g, batch 32 %g, batch 1 %g; want rising, and batch 1 over 4x batch 32", gd, b32, b1)
		}
	})
	t.Run("newton-saddle: Newton stops on the saddle, gradient descent does not", func(t *testing.T) {
		r := racePreset(t, "newton-saddle", 200)
		newton, gd := r.Runners[0], r.Runners[1]
		if math.Hypot(newton.X, newton.Y) > 1e-9 {
			t.Errorf("Newton at (%g, %g), want the saddle (0, 0)", newton.X, newton.Y)
		}
		if math.Abs(math.Abs(gd.Y)-1) > 1e-3 {
			t.Errorf("gradient descent at (%g, %g), want a valley floor y = ±1", gd.X, gd.Y)
		}
	})
}

func TestPresetKey(t *testing.T) {
	c, errs := Parse("speed=3&preset=fig3&seed=4")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if c.Problem != "ill-conditioned" || len(c.Runners) != 2 || c.Speed != 3 || c.Seed != 4 {
		t.Errorf("preset with overrides: %+v", c)
	}
	_, errs = Parse("preset=fig9")
	if len(errs) != 1 {
		t.Errorf("errors %v, want one naming the unknown preset", errs)
	}
}

// TestEveryPresetParsesCleanly fails on any error in a preset's own hash: a
// misspelt key, optimizer or value would otherwise be skipped in silence.
func TestEveryPresetParsesCleanly(t *testing.T) {
	for _, p := range Presets() {
		if errs := CheckPreset(p); len(errs) != 0 {
			t.Errorf("preset %s (%q): %v", p.Name, p.Hash, errs)
		}
		// A preset naming a preset would parse the presets while they are
		// parsed once (presetConfigs): the program would hang, not fail.
		if _, _, names := cutPreset(p.Hash); names {
			t.Errorf("preset %s (%q) names a preset", p.Name, p.Hash)
		}
	}
	if errs := CheckPreset(Preset{Name: "typo", Hash: "problem=ill-conditioned&o=gd:lr=0.4;momentun"}); len(errs) == 0 {
		t.Error("CheckPreset found nothing wrong with a misspelt optimizer")
	}
}
