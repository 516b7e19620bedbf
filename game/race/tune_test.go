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
