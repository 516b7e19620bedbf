package problems

import "maps"

// Recommended returns the hyperparameters a runner of the optimizer opens with on
// the built-in problem, so that the first view of every surface is a race rather
// than a crash: for the notes' quadratics the notes' own values, for every other
// problem the learning rate the tuning rule of `go run ./build recommend`
// chose for its default parameters (the table is recommended.go, generated). The
// map is a fresh copy holding only the recommended parameters; the others keep
// the optimizer's defaults. It reports false for an unknown problem or
// optimizer.
func Recommended(problem, optimizer string) (map[string]float64, bool) {
	params, ok := recommended[problem][optimizer]
	if !ok {
		return nil, false
	}
	return maps.Clone(params), true
}
