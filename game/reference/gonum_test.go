package reference_test

import (
	"gonum.org/v1/gonum/optimize"

	"descent/game/race"
	"descent/game/reference"
)

// gonumLBFGS is the oracle the package's L-BFGS is checked against: gonum's
// optimize.LBFGS with its defaults (a memory of 15 pairs, the Bisection line
// search with curvature factor 0.9), stopped like reference.LBFGS and recorded
// in a reference.Path the same way. It is the implementation the package
// used before it dropped gonum to keep the WebAssembly download small.
func gonumLBFGS(s race.Surface, start [2]float64, maxIter int) (reference.Path, error) {
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
	return rec.path, err
}

// recorder collects a Path from gonum's reports. gonum reports every major
// iteration except one that ends the run (by a limit or by convergence),
// whose location it reports only as the final optimum, at PostIteration:
// that one is appended when more major iterations were made than recorded.
type recorder struct {
	path reference.Path
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
