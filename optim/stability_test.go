package optim_test

import (
	"math"
	"testing"

	"descent/optim"
)

// TestStabilityLimit checks the limits against the formulas in its doc worked
// out by hand, and then against the optimizers themselves: on the bowl
// f = ½·λ·θ² (so that λ is the curvature, the Hessian's only eigenvalue), α
// 1% below the limit shrinks θ and 1% above it grows θ.
func TestStabilityLimit(t *testing.T) {
	const lambda = 20 // the notes' ill-conditioned quadratic, 2·a₂ with a₂ = 10
	for _, tc := range []struct {
		name   string
		params map[string]float64
		want   float64
	}{
		{"gd", nil, 2.0 / 20},                                        // 2/λ
		{"sgd", map[string]float64{"sigma": 0}, 2.0 / 20},            // GD's, in the mean
		{"momentum", map[string]float64{"m": 0.9}, 2 * 1.9 / 20},     // 2(1+m)/λ
		{"momentum", map[string]float64{"m": 0}, 2.0 / 20},           // m = 0 is GD
		{"nesterov", map[string]float64{"m": 0.5}, 2 * 1.5 / 2 / 20}, // 2(1+m)/((1+2m)λ)
		{"nesterov", nil, 2 * 1.9 / 2.8 / 20},                        // default m = 0.9
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := optim.StabilityLimit(tc.name, tc.params, lambda)
			if !ok || math.Abs(got-tc.want) > 1e-15 {
				t.Fatalf("got %v, %v, want %v, true", got, ok, tc.want)
			}
			for _, c := range []struct {
				factor float64
				grows  bool
			}{{0.99, false}, {1.01, true}} {
				params := map[string]float64{"lr": got * c.factor}
				for k, v := range tc.params {
					params[k] = v
				}
				opt, err := optim.New(tc.name, params)
				if err != nil {
					t.Fatal(err)
				}
				x, g := []float64{1}, []float64{0}
				// 0.99 and 1.01 move the worst root by about 1% a step, so
				// 3000 steps shrink or grow |θ| by e^±30 or so (momentum's roots are complex, slower).
				for range 3000 {
					g[0] = lambda * x[0]
					opt.Step(x, g)
				}
				if grew := math.Abs(x[0]) > 1; grew != c.grows {
					t.Errorf("α = %v × limit: got |θ| = %v after 3000 steps from 1, want growth %v", c.factor, math.Abs(x[0]), c.grows)
				}
			}
		})
	}
	for name, want := range map[string]string{"gd": "α < 2/λmax", "momentum": "α < 2(1+m)/λmax"} {
		if got, ok := optim.StabilityRule(name); got != want || !ok {
			t.Errorf("StabilityRule(%q): got %q, %v, want %q, true", name, got, ok, want)
		}
	}
	if got, ok := optim.StabilityRule("adam"); ok {
		t.Errorf("StabilityRule(adam): got %q, true, want none", got)
	}
	for _, tc := range []struct {
		name   string
		params map[string]float64
		lambda float64
	}{
		{"adam", nil, 20},        // adaptive: no fixed limit
		{"newton", nil, 20},      // divides by the curvature
		{"gd", nil, 0},           // flat: any α
		{"gd", nil, -1},          // curving down: none
		{"gd", nil, math.Inf(1)}, // not finite
		{"nope", nil, 20},        // unknown optimizer
		{"momentum", map[string]float64{"m": 2}, 20}, // out of range
		{"momentum", map[string]float64{"x": 1}, 20}, // unknown parameter
	} {
		if got, ok := optim.StabilityLimit(tc.name, tc.params, tc.lambda); ok {
			t.Errorf("%s %v at λ = %v: got %v, true, want no limit", tc.name, tc.params, tc.lambda, got)
		}
	}
}
