package explain_test

import (
	"fmt"

	"descent/game/explain"
	"descent/game/race"
	"descent/problems"
)

// The panel after Adagrad's first step on the notes' ill-conditioned
// quadratic: the steep y coordinate gets a step size 44 times smaller than
// x's, the notes' Figure 4 point, so that both move by α = 0.5 (Adagrad's
// first step is α·g/|g| per coordinate, ε aside).
func ExampleStep() {
	p := problems.Default()
	r, _ := race.New(p, p.Start, []race.Entry{{Optimizer: "adagrad"}}, 2)
	r.Advance(1)
	for _, l := range explain.Step(r.Runners[0]) {
		fmt.Println(l.Rule, l.Numbers)
	}
	// Output:
	// t = 1
	// ∇L = (−0.9, 40)
	// s += β·∇L² = (0, 0) + 1·(0.81, 1600) = (0.81, 1600)
	// α/√(s+ε), per coordinate = (0.5556, 0.0125): y's step is 0.0225× x's
	// θ -= α/√(s+ε)·∇L = (−4.5, 2) − (0.5556, 0.0125)⊙(−0.9, 40) = (−4, 1.5)
	// Δθ = θₜ − θₜ₋₁ = (0.5, −0.5)
	// θ = (−4, 1.5)
}
