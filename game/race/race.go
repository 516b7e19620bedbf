// Package race runs several optimizers from one start on one surface, a fixed number of steps at a time.
package race

import (
	"fmt"
	"maps"

	"descent/optim"
)

// Surface is what a race runs on; problems.Problem implements it.
type Surface interface {
	Value(x, y float64) float64
	Grad(x, y float64) (gx, gy float64)
	Bounds() (xmin, xmax, ymin, ymax float64) // the problem's domain
}

// Entry configures one runner: an optimizer registry name and its
// parameters; missing parameters take their defaults, and nil means all
// defaults.
type Entry struct {
	Optimizer string
	Params    map[string]float64
}

// Race is a set of runners sharing a start on one surface. It has no clock:
// it moves only when Advance is called, so it runs the same headless.
type Race struct {
	Surface Surface
	Start   [2]float64
	Step    int // steps taken since the start
	Runners []*Runner
}

// New returns a race of one runner per entry, all at start, each keeping the
// last trailLen positions (0 keeps none). It returns an error if an entry
// names an unknown optimizer or an invalid parameter, if the surface's
// bounds are not a finite, non-empty box, or if start is not finite.
func New(s Surface, start [2]float64, entries []Entry, trailLen int) (*Race, error) {
	if trailLen < 0 {
		return nil, fmt.Errorf("race: trail length %d, want 0 or more", trailLen)
	}
	xmin, xmax, ymin, ymax := s.Bounds()
	if !(finite(xmin) && finite(xmax) && finite(ymin) && finite(ymax) && xmin < xmax && ymin < ymax) {
		return nil, fmt.Errorf("race: surface bounds x [%v, %v], y [%v, %v], want a finite non-empty box", xmin, xmax, ymin, ymax)
	}
	if !finite(start[0]) || !finite(start[1]) {
		return nil, fmt.Errorf("race: start (%v, %v), want finite coordinates", start[0], start[1])
	}
	r := &Race{Surface: s, Start: start, Runners: make([]*Runner, len(entries))}
	for i, e := range entries {
		opt, err := optim.New(e.Optimizer, e.Params)
		if err != nil {
			return nil, fmt.Errorf("race: runner %d (%s): %w", i, e.Optimizer, err)
		}
		spec, _ := optim.Lookup(e.Optimizer) // known: New accepted it
		params := spec.Defaults()
		maps.Copy(params, e.Params)
		r.Runners[i] = &Runner{ID: i, Optimizer: e.Optimizer, Params: params, opt: opt, trail: newTrail(trailLen)}
	}
	r.Restart(start)
	return r, nil
}

// Advance takes n steps for every running runner, stopping early once none
// is running. It does not allocate. It panics if n is negative.
func (r *Race) Advance(n int) {
	if n < 0 {
		panic(fmt.Sprintf("race: Advance(%d), want n >= 0", n))
	}
	a := arenaOf(r.Surface)
	for range n {
		if r.Done() {
			return
		}
		r.Step++
		for _, rn := range r.Runners {
			rn.step(r.Surface, a, r.Step)
		}
	}
}

// Restart makes start the race's start and puts every runner there with a
// fresh optimizer and an empty trail; Step goes back to 0. Runners whose
// surface is not finite at start are Diverged at step 0. It panics if start
// is not finite: callers validate user input first.
func (r *Race) Restart(start [2]float64) {
	if !finite(start[0]) || !finite(start[1]) {
		panic(fmt.Sprintf("race: Restart at (%v, %v), want finite coordinates", start[0], start[1]))
	}
	r.Start, r.Step = start, 0
	for _, rn := range r.Runners {
		rn.restart(r.Surface, start)
	}
}

// Reset restarts the race from its current start.
func (r *Race) Reset() { r.Restart(r.Start) }

// Done reports whether no runner is still running.
func (r *Race) Done() bool {
	for _, rn := range r.Runners {
		if rn.Status == Running {
			return false
		}
	}
	return true
}
