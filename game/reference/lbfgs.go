package reference

import (
	"fmt"
	"math"

	"descent/game/race"
)

// Path is the route of a reference method, one point per major iteration.
type Path struct {
	// Points[i] is the location after i major iterations, Points[0] being
	// the start. One major iteration is a search direction plus a line search
	// along it, so it costs several function evaluations: it is not
	// comparable with one step of a race's runner.
	Points [][2]float64
	// Losses[i] is the surface's value at Points[i].
	Losses []float64
	// Evaluations[i] is how many times the method had evaluated the
	// function (with its gradient) when it reached Points[i].
	Evaluations []int
	// Status is the reason for stopping, named as gonum's optimize names
	// it: "GradientThreshold" (the gradient's largest component fell below
	// race.ConvergeTol), "IterationLimit" or "Failure" (a start that is
	// not finite, or a line search that found no acceptable step).
	Status string
}

// The values of Path.Status.
const (
	statusConverged      = "GradientThreshold"
	statusIterationLimit = "IterationLimit"
	statusFailure        = "Failure"
)

// LBFGS runs L-BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed.,
// Algorithm 7.5, with the two-loop recursion of Algorithm 7.4, a memory of
// 15 curvature pairs and a strong Wolfe line search) from start on s for at
// most maxIter major iterations, so the path has at most maxIter+1 points.
// It stops early once the gradient's largest component is below
// race.ConvergeTol, the tolerance the race's runners converge at. The path
// it draws is labelled "L-BFGS (line search)": every point is a whole line
// search apart from the last.
//
// Like gonum's optimize.LBFGS, whose defaults it follows, it starts with a
// steepest-descent step whose first trial has length 1, and later tries the
// quasi-Newton step first.
//
// The run is deterministic. On a failure, a start where s is not finite or a
// line search that finds no acceptable step, it returns the path so far with
// an error. It panics if maxIter is negative.
func LBFGS(s race.Surface, start [2]float64, maxIter int) (Path, error) {
	r := Start(s, start, maxIter)
	r.Extend(maxIter)
	return r.Path, r.Err
}

// Run is an L-BFGS run in progress, extended a few iterations at a time so that
// a long one never holds up a frame: the race shows one major iteration per step.
type Run struct {
	Path Path  // the iterations taken so far
	Err  error // why the run failed, when its Status is "Failure"

	obj     objective
	here    point
	mem     memory
	dir     [2]float64
	iter    int
	maxIter int
}

// Start evaluates the surface at start and returns a run that has taken no
// iteration yet. It panics if maxIter is negative.
func Start(s race.Surface, start [2]float64, maxIter int) *Run {
	if maxIter < 0 {
		panic(fmt.Sprintf("reference: LBFGS with maxIter %d, want 0 or more", maxIter))
	}
	r := &Run{obj: objective{s: s}, maxIter: maxIter}
	r.here = r.obj.at(start)
	r.Path.add(r.here, r.obj.evaluations)
	if !r.here.finite() {
		r.Path.Status = statusFailure
		r.Err = fmt.Errorf("reference: L-BFGS from (%v, %v): f = %v, gradient %v at the start, want finite values",
			start[0], start[1], r.here.f, r.here.g)
	}
	return r
}

// Done reports whether the run has stopped: converged, at its iteration limit, or failed.
func (r *Run) Done() bool { return r.Path.Status != "" }

// Extend takes up to n more major iterations, fewer when the run stops.
func (r *Run) Extend(n int) {
	start := r.Path.Points[0]
	for ; n >= 0 && !r.Done(); n-- {
		if math.Abs(r.here.g[0]) < race.ConvergeTol && math.Abs(r.here.g[1]) < race.ConvergeTol {
			r.Path.Status = statusConverged
			return
		}
		if r.iter == r.maxIter {
			r.Path.Status = statusIterationLimit
			return
		}
		if n == 0 {
			return
		}
		step := r.mem.direction(&r.dir, r.here.g)
		next, err := lineSearch(&r.obj, r.here, r.dir, step)
		if err != nil {
			r.Path.Status = statusFailure
			r.Err = fmt.Errorf("reference: L-BFGS from (%v, %v), iteration %d at (%v, %v): %w",
				start[0], start[1], r.iter+1, r.here.x[0], r.here.x[1], err)
			return
		}
		r.mem.add(sub(next.x, r.here.x), sub(next.g, r.here.g))
		r.here = next
		r.iter++
		r.Path.add(r.here, r.obj.evaluations)
	}
}

// add appends a major iteration's point.
func (p *Path) add(pt point, evaluations int) {
	p.Points = append(p.Points, pt.x)
	p.Losses = append(p.Losses, pt.f)
	p.Evaluations = append(p.Evaluations, evaluations)
}

// objective evaluates a surface and counts the evaluations.
type objective struct {
	s           race.Surface
	evaluations int
}

// point is a location with the surface's value and gradient there.
type point struct {
	x, g [2]float64
	f    float64
}

// at evaluates the surface at x.
func (o *objective) at(x [2]float64) point {
	o.evaluations++
	gx, gy := o.s.Grad(x[0], x[1])
	return point{x: x, f: o.s.Value(x[0], x[1]), g: [2]float64{gx, gy}}
}

// finite reports whether p's value and gradient are finite numbers.
func (p point) finite() bool {
	return isFinite(p.f) && isFinite(p.g[0]) && isFinite(p.g[1])
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func dot(a, b [2]float64) float64 { return a[0]*b[0] + a[1]*b[1] }

func sub(a, b [2]float64) [2]float64 { return [2]float64{a[0] - b[0], a[1] - b[1]} }
