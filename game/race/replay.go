package race

import "fmt"

// Path is one runner's whole run: where it stood and what it lost after each step.
type Path struct {
	Runner    int    // the runner's index in the race
	Optimizer string // registry name
	// Points[k] and Losses[k] are the position and loss after k steps, Points[0]
	// the start. A diverged runner's path ends at its last finite point; a
	// converged one stands still, so its remaining points repeat.
	Points     [][2]float64
	Losses     []float64
	Status     Status
	StatusStep int // as Runner.StatusStep
}

// Replay reruns a race of entries from start on s for steps steps and returns
// every runner's path, step by step: the run a Race of the same entries goes
// through, bit for bit, stochastic runners included (each draws from
// PCG(Seed, index), as in the race). Path i of a race whose entry i is e is
// TrajectoryEntry(s, e, start, steps) for i = 0, and for every i when e is
// not stochastic. Errors are New's, and a negative steps.
func Replay(s Surface, start [2]float64, entries []Entry, steps int) ([]Path, error) {
	if steps < 0 {
		return nil, fmt.Errorf("race: replay of %d steps, want 0 or more", steps)
	}
	r, err := New(s, start, entries, 0)
	if err != nil {
		return nil, err
	}
	paths := make([]Path, len(r.Runners))
	for i, rn := range r.Runners {
		paths[i] = Path{Runner: rn.ID, Optimizer: rn.Optimizer,
			Points: make([][2]float64, 1, steps+1), Losses: make([]float64, 1, steps+1)}
		paths[i].Points[0], paths[i].Losses[0] = start, rn.Loss
	}
	for range steps {
		if r.Done() {
			// Runners stand still from here; converged ones keep their place.
			for i := range paths {
				paths[i].extend(steps+1, r.Runners[i])
			}
			break
		}
		r.Advance(1)
		for i, rn := range r.Runners {
			if rn.Status != Diverged {
				paths[i].Points = append(paths[i].Points, [2]float64{rn.X, rn.Y})
				paths[i].Losses = append(paths[i].Losses, rn.Loss)
			}
		}
	}
	for i, rn := range r.Runners {
		paths[i].Status, paths[i].StatusStep = rn.Status, rn.StatusStep
	}
	return paths, nil
}

// extend repeats rn's standing position until the path holds n points, unless rn diverged.
func (p *Path) extend(n int, rn *Runner) {
	if rn.Status == Diverged {
		return
	}
	for len(p.Points) < n {
		p.Points = append(p.Points, [2]float64{rn.X, rn.Y})
		p.Losses = append(p.Losses, rn.Loss)
	}
}

// Entries returns the entries r was built from, each runner's parameters in
// full: New(r.Surface, r.Start, r.Entries(), n) races the same runners again.
func (r *Race) Entries() []Entry {
	entries := make([]Entry, len(r.Runners))
	for i, rn := range r.Runners {
		params := make(map[string]float64, len(rn.Params))
		for k, v := range rn.Params {
			params[k] = v
		}
		entries[i] = Entry{Optimizer: rn.Optimizer, Params: params, Seed: rn.Seed}
	}
	return entries
}
