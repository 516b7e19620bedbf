package optim

import "math"

// StabilityLimit returns the learning rate α above which the optimizer called
// name diverges on a quadratic whose Hessian's largest eigenvalue is
// lambdaMax, for the optimizers that have one; missing params take their
// defaults. On a quadratic every eigendirection of curvature λ is a linear
// recurrence in h = α·λ, stable while its roots lie inside the unit circle;
// the limit is where a root reaches −1 for λ = lambdaMax:
//
//	gradient descent, SGD (in the mean)  θ' = (1−h)·θ:                     α < 2/λmax
//	heavy-ball momentum  z² − (1+m−h)·z + m = 0:                           α < 2(1+m)/λmax
//	Nesterov  z² − (1−h)(1+m)·z + (1−h)·m = 0:                             α < 2(1+m)/((1+2m)·λmax)
//
// ok is false for an unknown name, for an optimizer whose limit depends on
// more than λmax (the adaptive ones rescale the step as they go, Newton
// divides by the curvature), for an invalid parameter and when lambdaMax is
// not positive and finite: no learning rate is stable where the surface
// curves down, and any is where it is flat.
func StabilityLimit(name string, params map[string]float64, lambdaMax float64) (alpha float64, ok bool) {
	if !(lambdaMax > 0) || lambdaMax > math.MaxFloat64 {
		return 0, false
	}
	spec, ok := Lookup(name)
	if !ok {
		return 0, false
	}
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
	switch name {
	case "gd", "sgd":
		return 2 / lambdaMax, true
	case "momentum":
		return 2 * (1 + p["m"]) / lambdaMax, true
	case "nesterov":
		m := p["m"]
		return 2 * (1 + m) / ((1 + 2*m) * lambdaMax), true
	}
	return 0, false
}
