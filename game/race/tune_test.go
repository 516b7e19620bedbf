package race_test

import (
	"testing"

	"descent/game/race"
	"descent/problems"
)

func TestTuneLRPicksAStableRate(t *testing.T) {
	p, _ := problems.Lookup("rosenbrock")
	for _, opt := range []string{"gd", "momentum", "adam", "sgd"} {
		e := race.Entry{Optimizer: opt, Seed: 1}
		lr, err := race.TuneLR(p, e, p.Start, 300, race.TuneGrid)
		if err != nil {
			t.Fatalf("%s: %v", opt, err)
		}
		// The chosen rate runs 300 steps without diverging, and does at least
		// as well as every other rate of the grid that does not diverge.
		e.Params = map[string]float64{"lr": lr}
		_, losses, status, _, err := race.TrajectoryEntry(p, e, p.Start, 300)
		if err != nil || status == race.Diverged {
			t.Fatalf("%s at the tuned α = %g: status %v, %v", opt, lr, status, err)
		}
		if opt == "sgd" {
			continue // noisy: compared by the tail average inside TuneLR
		}
		for _, other := range race.TuneGrid {
			e.Params["lr"] = other
			_, ol, st, _, _ := race.TrajectoryEntry(p, e, p.Start, 300)
			if st != race.Diverged && len(ol) == 301 && ol[300] < losses[300]*(1-1e-9) {
				t.Errorf("%s: α = %g ends at %g, below the tuned α = %g's %g", opt, other, ol[300], lr, losses[300])
			}
		}
	}
}

func TestTuneLRFailsWhenEveryRateDiverges(t *testing.T) {
	p, _ := problems.Lookup("monkey-saddle")
	_, err := race.TuneLR(p, race.Entry{Optimizer: "gd"}, [2]float64{0.8, 0.1}, 3000, []float64{1, 3})
	if err == nil {
		t.Errorf("no error though α = 1 and 3 both leave the monkey saddle")
	}
}

// TestTunerInPiecesMatchesTuneLR checks that tuning spread over many small
// budgets, as the page spreads it over frames, picks the rate of one call, and
// that its progress only grows, from 0 to 1.
func TestTunerInPiecesMatchesTuneLR(t *testing.T) {
	p, _ := problems.Lookup("rosenbrock")
	for _, opt := range []string{"gd", "adam", "sgd"} {
		e := race.Entry{Optimizer: opt, Seed: 3}
		want, wantErr := race.TuneLR(p, e, p.Start, 200, race.TuneGrid)
		tu, err := race.NewTuner(p, e, p.Start, 200, race.TuneGrid)
		if err != nil {
			t.Fatal(err)
		}
		last := tu.Done()
		if last != 0 {
			t.Errorf("%s: progress %g before any step, want 0", opt, last)
		}
		for !tu.Advance(37) {
			if d := tu.Done(); d < last || d > 1 {
				t.Fatalf("%s: progress went from %g to %g", opt, last, d)
			} else {
				last = d
			}
		}
		if tu.Done() != 1 {
			t.Errorf("%s: progress %g when done, want 1", opt, tu.Done())
		}
		got, err := tu.Result()
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("%s: in pieces α = %g (%v), in one call α = %g (%v)", opt, got, err, want, wantErr)
		}
	}
	if _, err := race.NewTuner(p, race.Entry{Optimizer: "nope"}, p.Start, 10, race.TuneGrid); err == nil {
		t.Error("NewTuner accepted an unknown optimizer")
	}
}
