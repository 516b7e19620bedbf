package race_test

import (
	"math"
	"testing"

	"descent/game/race"
)

// TestReplayIsTheRace: Replay's paths are the positions and losses of a Race
// advanced step by step, bit for bit, stochastic runners (which draw from
// PCG(seed, index)) included, and path 0 is TrajectoryEntry's.
func TestReplayIsTheRace(t *testing.T) {
	const steps = 200
	entries := []race.Entry{
		{Optimizer: "sgd", Seed: 7},
		{Optimizer: "sgd", Seed: 7},                              // the same entry at index 1 draws other numbers
		{Optimizer: "gd", Params: map[string]float64{"lr": 0.4}}, // Figure 2b: diverges on the ill-conditioned quadratic
		{Optimizer: "newton"},                                    // converges at once, then stands still
	}
	for _, name := range []string{"ill-conditioned", "regression"} {
		p := lookup(t, name, nil)
		t.Run(name, func(t *testing.T) {
			paths, err := race.Replay(p, p.Start, entries, steps)
			if err != nil {
				t.Fatal(err)
			}
			r, err := race.New(p, p.Start, entries, steps+1)
			if err != nil {
				t.Fatal(err)
			}
			r.Advance(steps)
			for i, rn := range r.Runners {
				path := paths[i]
				if path.Runner != i || path.Optimizer != entries[i].Optimizer || path.Status != rn.Status || path.StatusStep != rn.StatusStep {
					t.Errorf("path %d: got runner %d %s %v at %d, want %d %s %v at %d", i, path.Runner, path.Optimizer, path.Status, path.StatusStep, i, rn.Optimizer, rn.Status, rn.StatusStep)
				}
				trail := rn.Trail(nil)
				if rn.Status != race.Converged && len(path.Points) != len(trail) {
					t.Errorf("path %d: got %d points, want the trail's %d", i, len(path.Points), len(trail))
				}
				for k := range min(len(trail), len(path.Points)) {
					if path.Points[k] != trail[k] {
						t.Errorf("path %d point %d: got %v, want the race's %v", i, k, path.Points[k], trail[k])
						break
					}
				}
				if rn.Status != race.Diverged && len(path.Points) != steps+1 {
					t.Errorf("path %d (%v): got %d points, want %d", i, rn.Status, len(path.Points), steps+1)
				}
			}
			pts, losses, status, _, err := race.TrajectoryEntry(p, entries[0], p.Start, steps)
			if err != nil {
				t.Fatal(err)
			}
			if status != paths[0].Status || len(pts) != len(paths[0].Points) {
				t.Fatalf("path 0: got %v with %d points, want TrajectoryEntry's %v with %d", paths[0].Status, len(paths[0].Points), status, len(pts))
			}
			for k := range pts {
				if pts[k] != paths[0].Points[k] || losses[k] != paths[0].Losses[k] {
					t.Fatalf("path 0 step %d: got %v %v, want TrajectoryEntry's %v %v", k, paths[0].Points[k], paths[0].Losses[k], pts[k], losses[k])
				}
			}
			if paths[0].Points[steps] == paths[1].Points[steps] {
				t.Errorf("sgd at indices 0 and 1 end at the same %v, want different draws", paths[0].Points[steps])
			}
		})
	}
}

func TestReplayRefusesBadInput(t *testing.T) {
	p := lookup(t, "rosenbrock", nil)
	if _, err := race.Replay(p, p.Start, []race.Entry{{Optimizer: "gd"}}, -1); err == nil {
		t.Errorf("-1 steps: got no error")
	}
	if _, err := race.Replay(p, p.Start, []race.Entry{{Optimizer: "nope"}}, 3); err == nil {
		t.Errorf("unknown optimizer: got no error")
	}
}

// TestSummaryRanks: reached first, earliest first; then the lowest final loss;
// diverged last; the reached step is the first within ReachTol of fmin.
func TestSummaryRanks(t *testing.T) {
	const fmin = 3 // e.g. Goldstein–Price's lowest value
	path := func(id int, status race.Status, losses ...float64) race.Path {
		return race.Path{Runner: id, Optimizer: "gd", Losses: losses, Points: make([][2]float64, len(losses)), Status: status}
	}
	paths := []race.Path{
		path(0, race.Running, 9, 5, 4),                   // never reached, ends at 4
		path(1, race.Running, 9, 3+2e-6, 3+9e-7, 3+9e-7), // reached at step 2
		path(2, race.Diverged, 9, 3),                     // reached at step 1 but diverged later
		path(3, race.Converged, 9, 3+5e-7, 3),            // reached at step 1
		path(4, race.Running, 9, 3.5),                    // never reached, ends at 3.5
	}
	got := race.Summary(paths, fmin)
	wantOrder := []int{3, 1, 4, 0, 2}
	wantReached := map[int]int{0: -1, 1: 2, 2: 1, 3: 1, 4: -1}
	for i, r := range got {
		if r.Runner != wantOrder[i] {
			t.Errorf("place %d: got runner %d, want %d (order %v)", i, r.Runner, wantOrder[i], wantOrder)
		}
		if r.Reached != wantReached[r.Runner] {
			t.Errorf("runner %d: got reached %d, want %d", r.Runner, r.Reached, wantReached[r.Runner])
		}
		if want := paths[r.Runner].Losses[len(paths[r.Runner].Losses)-1]; r.Loss != want {
			t.Errorf("runner %d: got loss %v, want %v", r.Runner, r.Loss, want)
		}
	}
	for _, r := range race.Summary(paths, math.NaN()) {
		if r.Reached != -1 {
			t.Errorf("fmin NaN, runner %d: got reached %d, want -1", r.Runner, r.Reached)
		}
	}
}

// TestSummaryOfARealRace: on the notes' ill-conditioned quadratic (fmin 0)
// Newton's method reaches the minimum in one step (exact on a quadratic) and
// ranks first; gradient descent at α = 0.4 > 2/20 diverges (Figure 2b) and ranks last.
func TestSummaryOfARealRace(t *testing.T) {
	p := lookup(t, "ill-conditioned", nil)
	entries := []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 0.4}}, {Optimizer: "adam"}, {Optimizer: "newton"}}
	paths, err := race.Replay(p, p.Start, entries, 500)
	if err != nil {
		t.Fatal(err)
	}
	got := race.Summary(paths, p.MinValue())
	if got[0].Runner != 2 || got[0].Reached != 1 {
		t.Errorf("first: got runner %d reached at %d, want newton (2) at step 1", got[0].Runner, got[0].Reached)
	}
	if last := got[len(got)-1]; last.Runner != 0 || last.Status != race.Diverged {
		t.Errorf("last: got runner %d %v, want gd (0) diverged", last.Runner, last.Status)
	}
}
