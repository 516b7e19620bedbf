package jsapi

import (
	"math"

	"descent/game/control"
)

// addStep adds to a runner's state its last step, exactly: grad (for SGD the
// sampled gradient), fullGrad (the exact one), update (θₖ − θₖ₋₁),
// internals (the optimizer's state after the step, {v: [x, y]} for
// momentum, {m, v} for Adam, …) and stepSize (the per-coordinate step size of
// an adaptive optimizer, else null). Before the first step grad, fullGrad,
// update and stepSize are null. A number that is not finite (a diverging
// step's) is null: JSON has no NaN or Infinity.
func addStep(m map[string]any, r control.RunnerState) {
	internals := make(map[string]any, len(r.Internals))
	for _, v := range r.Internals {
		internals[v.Name] = finitePair(v.X)
	}
	m["internals"] = internals
	m["grad"], m["fullGrad"], m["update"], m["stepSize"] = nil, nil, nil, nil
	if r.LastStep == 0 {
		return
	}
	m["grad"], m["fullGrad"], m["update"] = finitePair(r.Grad), finitePair(r.FullGrad), finitePair(r.Update)
	if r.HasStepSize {
		m["stepSize"] = finitePair(r.StepSize)
	}
}

// finitePair is p as plain values, a coordinate that is not finite as nil.
func finitePair(p [2]float64) []any {
	out := []any{nil, nil}
	for i, v := range p {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out[i] = v
		}
	}
	return out
}

// follow is the followed runner's index, or nil for none.
func follow(i int) any {
	if i < 0 {
		return nil
	}
	return float64(i)
}
