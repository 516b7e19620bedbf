package problems

// Recommended returns the hyperparameters a runner of the optimizer opens with on
// the built-in problem, so that the first view of every surface is a race rather
// than a crash: for the notes' quadratics the notes' own values, for every other
// problem the learning rate the tuning rule of `go run ./build recommend`
// chose for its default parameters (the table is recommended.go, generated). The
// map is a fresh copy holding only the recommended parameters; the others keep
// the optimizer's defaults. It reports false for an unknown problem or
// optimizer.
func Recommended(problem, optimizer string) (map[string]float64, bool) {
	for _, t := range recommended {
		if t.problem == problem && t.optimizer == optimizer {
			params := make(map[string]float64, len(t.params))
			for _, p := range t.params {
				params[p.name] = p.value
			}
			return params, true
		}
	}
	return nil, false
}

// tuned is a line of the table in recommended.go: the parameters a runner of
// the optimizer opens with on the problem.
type tuned struct {
	problem, optimizer string
	params             []tunedParam
}

// tunedParam is one recommended parameter's value.
type tunedParam struct {
	name  string
	value float64
}
