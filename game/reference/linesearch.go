package reference

import (
	"errors"
	"fmt"
	"math"
)

// The line search's constants.
const (
	// sufficientDecrease and curvature are c₁ and c₂ of the strong Wolfe
	// conditions, the values Nocedal & Wright suggest for quasi-Newton
	// methods (§3.1); c₂ = 0.9 is also gonum's default.
	sufficientDecrease = 1e-4
	curvature          = 0.9
	// expansion multiplies the trial step while it is too short, as gonum's
	// default line search (optimize.Bisection) does.
	expansion = 2
	// maxTrials bounds one line search's evaluations: 2⁶⁰ ≈ 1e18 times the
	// first trial step, or a bracket cut far below rounding.
	maxTrials = 60
	// safeguard keeps an interpolated trial this fraction of the bracket
	// away from its ends, so that every trial shrinks the bracket.
	safeguard = 0.1
)

// errNoProgress is the line search's failure when a trial step no longer
// moves the point: rounding has taken over.
var errNoProgress = errors.New("line search: the step is too small to move the point")

// lineSearch returns a point along dir from here satisfying the strong Wolfe
// conditions, trying the step initial first: Nocedal & Wright, Algorithm 3.5,
// with the zoom of Algorithm 3.6 choosing trials by cubic interpolation (their
// eq. 3.59). A trial where f or its gradient is not finite counts as too far.
func lineSearch(obj *objective, here point, dir [2]float64, initial float64) (point, error) {
	slope0 := dot(here.g, dir)
	if !(slope0 < 0) {
		return point{}, fmt.Errorf("line search: the direction %v is not downhill, slope %v", dir, slope0)
	}
	ls := search{obj: obj, from: here, dir: dir, slope0: slope0}
	prev := trial{point: here, slope: slope0}
	step := initial
	for i := 0; i < maxTrials; i++ {
		cur, err := ls.try(step)
		if err != nil {
			return point{}, err
		}
		switch {
		case !ls.sufficientDecrease(cur) || (i > 0 && cur.f >= prev.f):
			return ls.zoom(prev, cur)
		case ls.curvature(cur):
			return cur.point, nil
		case cur.slope >= 0:
			return ls.zoom(cur, prev)
		}
		prev = cur
		step *= expansion
	}
	return point{}, fmt.Errorf("line search: f still falls at %.3g times the first trial step, after %d trials: it may fall without end",
		step/expansion/initial, maxTrials)
}

// search is one line search's state.
type search struct {
	obj    *objective
	from   point
	dir    [2]float64
	slope0 float64 // the directional derivative at from
	trials int
}

// trial is a point at a step along the search direction, with the
// directional derivative there.
type trial struct {
	point
	step, slope float64
}

// try evaluates the surface at step along the direction.
func (ls *search) try(step float64) (trial, error) {
	x := [2]float64{ls.from.x[0] + step*ls.dir[0], ls.from.x[1] + step*ls.dir[1]}
	if x == ls.from.x {
		return trial{}, errNoProgress
	}
	ls.trials++
	p := ls.obj.at(x)
	return trial{point: p, step: step, slope: dot(p.g, ls.dir)}, nil
}

// sufficientDecrease reports whether t satisfies the Armijo condition,
// Nocedal & Wright eq. 3.6a, with finite values.
func (ls *search) sufficientDecrease(t trial) bool {
	return t.finite() && t.f <= ls.from.f+sufficientDecrease*t.step*ls.slope0
}

// curvature reports whether t satisfies the strong curvature condition,
// Nocedal & Wright eq. 3.7b.
func (ls *search) curvature(t trial) bool {
	return math.Abs(t.slope) <= -curvature*ls.slope0
}

// zoom narrows the bracket between lo, the lowest trial so far that
// satisfies the sufficient decrease condition, and hi until a trial
// satisfies the strong Wolfe conditions: Nocedal & Wright, Algorithm 3.6.
func (ls *search) zoom(lo, hi trial) (point, error) {
	for ls.trials < maxTrials {
		cur, err := ls.try(interpolate(lo, hi))
		if err != nil {
			return point{}, err
		}
		if !ls.sufficientDecrease(cur) || cur.f >= lo.f {
			hi = cur
			continue
		}
		if ls.curvature(cur) {
			return cur.point, nil
		}
		if cur.slope*(hi.step-lo.step) >= 0 {
			hi = lo
		}
		lo = cur
	}
	return point{}, fmt.Errorf("line search: no step between %v and %v satisfies the strong Wolfe conditions after %d trials",
		lo.step, hi.step, maxTrials)
}

// interpolate returns the minimizer of the cubic matching f and its slope at
// a and b (Nocedal & Wright eq. 3.59), kept safeguard of the bracket away
// from its ends; the bracket's middle if there is no such minimizer.
func interpolate(a, b trial) float64 {
	lo, hi := min(a.step, b.step), max(a.step, b.step)
	mid := (lo + hi) / 2
	if !a.finite() || !b.finite() {
		return mid
	}
	d1 := a.slope + b.slope - 3*(a.f-b.f)/(a.step-b.step)
	disc := d1*d1 - a.slope*b.slope
	if !(disc >= 0) {
		return mid
	}
	d2 := math.Copysign(math.Sqrt(disc), b.step-a.step)
	step := b.step - (b.step-a.step)*(b.slope+d2-d1)/(b.slope-a.slope+2*d2)
	if !isFinite(step) {
		return mid
	}
	margin := safeguard * (hi - lo)
	return min(max(step, lo+margin), hi-margin)
}
