package optim

import "math"

// stability is the learning-rate limit of an optimizer on a quadratic, as a
// rule a learner reads and as a function of its parameters and λmax.
type stability struct {
	rule  string
	limit func(p map[string]float64, lambdaMax float64) float64
}

// stabilities are the optimizers with a limit that depends on λmax alone. On
// a quadratic every eigendirection of curvature λ is a linear recurrence in
// h = α·λ, stable while its roots lie inside the unit circle; the limit is
// where a root reaches −1 for λ = λmax:
//
//	gradient descent, SGD (in the mean)  θ' = (1−h)·θ
//	heavy-ball momentum  z² − (1+m−h)·z + m = 0
//	Nesterov  z² − (1−h)(1+m)·z + (1−h)·m = 0
var stabilities = map[string]stability{
	"gd":  {"α < 2/λmax", gdLimit},
	"sgd": {"α < 2/λmax", gdLimit},
	"momentum": {"α < 2(1+m)/λmax", func(p map[string]float64, l float64) float64 {
		return 2 * (1 + p["m"]) / l
	}},
	"nesterov": {"α < 2(1+m)/((1+2m)·λmax)", func(p map[string]float64, l float64) float64 {
		return 2 * (1 + p["m"]) / ((1 + 2*p["m"]) * l)
	}},
}

func gdLimit(_ map[string]float64, l float64) float64 { return 2 / l }

// StabilityLimit returns the learning rate α above which the optimizer called
// name diverges on a quadratic whose Hessian's largest eigenvalue is
// lambdaMax (see StabilityRule), for gradient descent, SGD, heavy-ball and
// Nesterov momentum; missing params take their defaults. ok is false for any
// other optimizer (the adaptive ones rescale the step as they go, Newton
// divides by the curvature), for an invalid parameter and when lambdaMax is
// not positive and finite: no learning rate is stable where the surface
// curves down, and any is where it is flat.
func StabilityLimit(name string, params map[string]float64, lambdaMax float64) (alpha float64, ok bool) {
	st, ok := stabilities[name]
	if !ok || !(lambdaMax > 0) || lambdaMax > math.MaxFloat64 {
		return 0, false
	}
	spec, _ := Lookup(name)
	p := spec.Defaults()
	for k, v := range params {
		if _, known := p[k]; !known {
			return 0, false
		}
		p[k] = v
	}
	if _, err := New(name, p); err != nil {
		return 0, false
	}
	return st.limit(p, lambdaMax), true
}

// StabilityRule returns the condition StabilityLimit computes for the
// optimizer called name, as a learner reads it ("α < 2/λmax"), and whether it
// has one.
func StabilityRule(name string) (string, bool) {
	st, ok := stabilities[name]
	return st.rule, ok
}
