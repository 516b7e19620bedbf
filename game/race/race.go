// Package race runs several optimizers from one start on one surface, a fixed number of steps at a time.
package race

import (
	"fmt"
	"maps"
	"math/rand/v2"

	"descent/optim"
)

// Surface is what a race runs on; problems.Problem implements it, and the
// optional Hessianer and Sampler.
type Surface interface {
	Value(x, y float64) float64
	Grad(x, y float64) (gx, gy float64)
	Bounds() (xmin, xmax, ymin, ymax float64) // the problem's domain
}

// Hessianer is implemented by a Surface that gives its own Hessian, for second-order
// optimizers (optim.SecondOrder). On a Surface that is not one, the race
// takes central differences of Grad instead (problems.CentralHessian).
type Hessianer interface {
	Hessian(x, y float64) (hxx, hxy, hyy float64)
}

// Sampler is implemented by a Surface whose loss is a mean over data, so that a stochastic
// optimizer (optim.Stochastic) can step on the gradient of a random
// minibatch, as in the course notes' §3.2.
type Sampler interface {
	// DataLen returns the number of data points, 0 for a surface without
	// data, on which SampleGrad must not be called.
	DataLen() int
	// SampleGrad returns the gradient at (x, y) over a minibatch of len(idx)
	// points, 1 ≤ len(idx) ≤ DataLen(), drawing their indices into idx with
	// rng. idx is the caller's scratch, so that a surface shared by several
	// runners is never written to.
	SampleGrad(idx []int, x, y float64, rng *rand.Rand) (gx, gy float64)
}

// Entry configures one runner: an optimizer registry name and its
// parameters, missing parameters taking their defaults (nil means all
// defaults), and the seed of its random draws.
type Entry struct {
	Optimizer string
	Params    map[string]float64
	// Seed, with the runner's index in the race, seeds the runner's random
	// numbers, PCG(Seed, index): the minibatches and gradient noise of a
	// stochastic optimizer. Reset and Restart draw the same numbers again.
	Seed uint64
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
	if err := checkSurface(s, start); err != nil {
		return nil, err
	}
	r := &Race{Surface: s, Start: start, Runners: make([]*Runner, len(entries))}
	for i, e := range entries {
		rn, err := newRunner(i, e, trailLen)
		if err != nil {
			return nil, fmt.Errorf("race: runner %d (%s): %w", i, e.Optimizer, err)
		}
		r.Runners[i] = rn
	}
	r.Restart(start)
	return r, nil
}

// checkSurface returns an error if s's bounds are not a finite, non-empty
// box or start is not finite.
func checkSurface(s Surface, start [2]float64) error {
	xmin, xmax, ymin, ymax := s.Bounds()
	if !(finite(xmin) && finite(xmax) && finite(ymin) && finite(ymax) && xmin < xmax && ymin < ymax) {
		return fmt.Errorf("race: surface bounds x [%v, %v], y [%v, %v], want a finite non-empty box", xmin, xmax, ymin, ymax)
	}
	if !finite(start[0]) || !finite(start[1]) {
		return fmt.Errorf("race: start (%v, %v), want finite coordinates", start[0], start[1])
	}
	return nil
}

// newRunner returns runner id for e, or optim.New's error.
func newRunner(id int, e Entry, trailLen int) (*Runner, error) {
	opt, err := optim.New(e.Optimizer, e.Params)
	if err != nil {
		return nil, err
	}
	spec, _ := optim.Lookup(e.Optimizer) // known: New accepted it
	params := spec.Defaults()
	maps.Copy(params, e.Params)
	rn := newRunnerFor(id, opt, e.Seed, trailLen)
	rn.Optimizer, rn.Params = e.Optimizer, params
	return rn, nil
}

// Advance takes n steps for every running runner, stopping early once none
// is running. It does not allocate once every runner has taken its first
// step. It panics if n is negative.
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
			rn.step(r.Surface, &a, r.Step)
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
