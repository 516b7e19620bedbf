// Package reference computes reference paths to replay beside a race: what a textbook quasi-Newton method with a line search does from the same start.
package reference

import (
	"fmt"

	"gonum.org/v1/gonum/optimize"

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
	// Status is gonum's reason for stopping, such as "GradientThreshold"
	// (the gradient's largest component fell below race.ConvergeTol) or
	// "IterationLimit".
	Status string
}

// LBFGS runs gonum's L-BFGS (optimize.LBFGS, with its default More–Thuente
// line search) from start on s for at most maxIter major iterations, so the
// path has at most maxIter+1 points. It stops early once the gradient's
// largest component is below race.ConvergeTol, the tolerance the race's
// runners converge at, or when gonum's default convergence test (no change of
// the value by more than 1e-10 in 100 iterations) is met. The ghost it
// draws is labelled "L-BFGS (line search)": every point is a whole line
// search apart from the last.
//
// The run is deterministic. On a failure, such as a start where s is not
// finite or a line search that finds no lower point, it returns the path so
// far with an error. It panics if maxIter is negative.
func LBFGS(s race.Surface, start [2]float64, maxIter int) (Path, error) {
	if maxIter < 0 {
		panic(fmt.Sprintf("reference: LBFGS with maxIter %d, want 0 or more", maxIter))
	}
	problem := optimize.Problem{
		Func: func(x []float64) float64 { return s.Value(x[0], x[1]) },
		Grad: func(grad, x []float64) { grad[0], grad[1] = s.Grad(x[0], x[1]) },
	}
	rec := &recorder{}
	settings := &optimize.Settings{
		MajorIterations:   maxIter + 1, // gonum counts the start as a major iteration
		GradientThreshold: race.ConvergeTol,
		Recorder:          rec,
	}
	result, err := optimize.Minimize(problem, start[:], settings, &optimize.LBFGS{})
	if result != nil {
		rec.path.Status = result.Status.String()
	}
	if err != nil {
		return rec.path, fmt.Errorf("reference: L-BFGS from (%v, %v): %w", start[0], start[1], err)
	}
	return rec.path, nil
}

// recorder collects a Path from gonum's reports. gonum reports every major
// iteration except one that ends the run (by a limit or by convergence),
// whose location it reports only as the final optimum, at PostIteration:
// that one is appended when more major iterations were made than recorded.
type recorder struct {
	path Path
}

var _ optimize.Recorder = (*recorder)(nil)

func (r *recorder) Init() error { return nil }

func (r *recorder) Record(loc *optimize.Location, op optimize.Operation, stats *optimize.Stats) error {
	switch {
	case op == optimize.MajorIteration,
		op == optimize.PostIteration && stats.MajorIterations > len(r.path.Points):
		r.path.Points = append(r.path.Points, [2]float64{loc.X[0], loc.X[1]})
		r.path.Losses = append(r.path.Losses, loc.F)
		r.path.Evaluations = append(r.path.Evaluations, stats.FuncEvaluations)
	}
	return nil
}
