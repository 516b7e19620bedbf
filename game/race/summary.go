package race

import (
	"cmp"
	"slices"
)

// ReachTol is how close to the problem's lowest value a runner's loss must come
// to count as having reached the minimum, in the summary at the end of a race.
const ReachTol = 1e-6

// Result is one runner's line in the summary of a race.
type Result struct {
	Runner    int    // the runner's index in the race
	Optimizer string // registry name
	// Reached is the first step after which loss − fmin ≤ ReachTol, or -1 if the
	// loss never came that close.
	Reached int
	Loss    float64 // the loss at the path's last point
	Status  Status
}

// Summary ranks the runners of paths (from Replay) against fmin, the problem's
// lowest value: first those that reached it, earliest first; then those that
// did not, lowest final loss first; diverged runners last. Ties keep the
// runners' order. A NaN fmin (no known minimum) leaves every Reached at -1.
func Summary(paths []Path, fmin float64) []Result {
	results := make([]Result, len(paths))
	for i, p := range paths {
		results[i] = Result{Runner: p.Runner, Optimizer: p.Optimizer, Reached: reached(p.Losses, fmin),
			Loss: p.Losses[len(p.Losses)-1], Status: p.Status}
	}
	slices.SortStableFunc(results, func(a, b Result) int {
		if c := cmp.Compare(a.group(), b.group()); c != 0 {
			return c
		}
		if a.Reached >= 0 {
			return cmp.Compare(a.Reached, b.Reached)
		}
		return cmp.Compare(a.Loss, b.Loss)
	})
	return results
}

// group orders results: reached (0), not reached (1), diverged (2).
func (r Result) group() int {
	switch {
	case r.Status == Diverged:
		return 2
	case r.Reached >= 0:
		return 0
	}
	return 1
}

// reached returns the first k with losses[k] − fmin ≤ ReachTol, or -1.
func reached(losses []float64, fmin float64) int {
	for k, l := range losses {
		if l-fmin <= ReachTol {
			return k
		}
	}
	return -1
}
