package optim_test

import (
	"fmt"
	"math"
	"testing"

	"descent/optim"
)

// handState is what the explain panel shows after one step of the fixed
// scenario (start, grads in optim_test.go): the optimizer's state vectors,
// named as in the notes or the paper, and the per-coordinate step size of an
// adaptive optimizer, worked out from the formulas one coordinate at a time.
type handState struct {
	internals []optim.Vec
	stepSize  *[2]float64 // nil for an optimizer without one
}

// perCoordinate runs f for each step t = 1, 2, 3 and coordinate k of the
// fixed scenario's gradients; f updates its own state and returns nothing.
func perCoordinate(f func(t, k int, g float64)) {
	for i, g := range grads {
		for k := range 2 {
			f(i+1, k, g[k])
		}
	}
}

// explainCases are the optimizers with state, with handCases' parameters, and
// their state after each of the three steps by hand.
var explainCases = map[string]func(p map[string]float64) [3]handState{
	"momentum": func(p map[string]float64) (out [3]handState) {
		var v [2]float64
		perCoordinate(func(t, k int, g float64) {
			v[k] = p["m"]*v[k] + g // notes §3.4: v = m·v + ∇L
			out[t-1].internals = []optim.Vec{{"v", v}}
		})
		return out
	},
	"nesterov": func(p map[string]float64) (out [3]handState) {
		var v [2]float64
		perCoordinate(func(t, k int, g float64) {
			v[k] = p["m"]*v[k] + g // the same velocity as the notes' heavy ball, at the look-ahead point
			out[t-1].internals = []optim.Vec{{"v", v}}
		})
		return out
	},
	"adagrad": func(p map[string]float64) (out [3]handState) {
		var s, rate [2]float64
		perCoordinate(func(t, k int, g float64) {
			s[k] += p["beta"] * g * g                    // notes §3.5: s += β·g²
			rate[k] = p["lr"] / math.Sqrt(s[k]+p["eps"]) // α/√(s+ε), ε inside the root
			out[t-1] = handState{[]optim.Vec{{"s", s}}, ptr(rate)}
		})
		return out
	},
	"rmsprop": func(p map[string]float64) (out [3]handState) {
		var s, rate [2]float64
		perCoordinate(func(t, k int, g float64) {
			s[k] = p["beta"]*s[k] + (1-p["beta"])*g*g    // notes §3.5: s = β·s + (1−β)·g²
			rate[k] = p["lr"] / math.Sqrt(s[k]+p["eps"]) // α/√(s+ε)
			out[t-1] = handState{[]optim.Vec{{"s", s}}, ptr(rate)}
		})
		return out
	},
	"adam":  adamLike,
	"adamw": adamLike, // the decay is outside m, v and the rate
	"nadam": adamLike, // m̄ differs, the rate does not
	"amsgrad": func(p map[string]float64) (out [3]handState) {
		var m, v, vmax, rate [2]float64
		perCoordinate(func(t, k int, g float64) {
			b1, b2 := p["beta1"], p["beta2"]
			m[k] = b1*m[k] + (1-b1)*g         // Reddi et al. Alg. 2: m = β₁·m + (1−β₁)·g
			v[k] = b2*v[k] + (1-b2)*g*g       // v = β₂·v + (1−β₂)·g²
			vmax[k] = math.Max(vmax[k], v[k]) // vmax = max(vmax, v)
			vHat := vmax[k] / (1 - math.Pow(b2, float64(t)))
			rate[k] = p["lr"] / (math.Sqrt(vHat) + p["eps"])
			out[t-1] = handState{[]optim.Vec{{"m", m}, {"v", v}, {"vmax", vmax}}, ptr(rate)}
		})
		return out
	},
	"adamax": func(p map[string]float64) (out [3]handState) {
		var m, u, rate [2]float64
		perCoordinate(func(t, k int, g float64) {
			b1, b2 := p["beta1"], p["beta2"]
			m[k] = b1*m[k] + (1-b1)*g             // Kingma & Ba Alg. 2: m = β₁·m + (1−β₁)·g
			u[k] = math.Max(b2*u[k], math.Abs(g)) // u = max(β₂·u, |g|)
			rate[k] = p["lr"] / (1 - math.Pow(b1, float64(t))) / (u[k] + p["eps"])
			out[t-1] = handState{[]optim.Vec{{"m", m}, {"u", u}}, ptr(rate)}
		})
		return out
	},
	"adadelta": func(p map[string]float64) (out [3]handState) {
		var s, d, rate [2]float64
		perCoordinate(func(t, k int, g float64) {
			rho, eps := p["rho"], p["eps"]
			s[k] = rho*s[k] + (1-rho)*g*g                                 // Zeiler Alg. 1: E[g²]
			rate[k] = p["lr"] * math.Sqrt(d[k]+eps) / math.Sqrt(s[k]+eps) // α·RMS[Δx]ₜ₋₁/RMS[g]ₜ
			delta := -math.Sqrt(d[k]+eps) / math.Sqrt(s[k]+eps) * g
			d[k] = rho*d[k] + (1-rho)*delta*delta // E[Δx²]
			out[t-1] = handState{[]optim.Vec{{"s", s}, {"d", d}}, ptr(rate)}
		})
		return out
	},
	"lion": func(p map[string]float64) (out [3]handState) {
		var m [2]float64
		perCoordinate(func(t, k int, g float64) {
			m[k] = p["beta2"]*m[k] + (1-p["beta2"])*g // Chen et al. Alg. 2: m = β₂·m + (1−β₂)·g, after the move
			out[t-1].internals = []optim.Vec{{"m", m}}
		})
		return out
	},
}

// adamLike is Adam's state by hand (Kingma & Ba, Algorithm 1): m, v and the
// rate α/(√v̂ + ε).
func adamLike(p map[string]float64) (out [3]handState) {
	var m, v, rate [2]float64
	perCoordinate(func(t, k int, g float64) {
		b1, b2 := p["beta1"], p["beta2"]
		m[k] = b1*m[k] + (1-b1)*g                        // m = β₁·m + (1−β₁)·g
		v[k] = b2*v[k] + (1-b2)*g*g                      // v = β₂·v + (1−β₂)·g²
		vHat := v[k] / (1 - math.Pow(b2, float64(t)))    // v̂ = v/(1−β₂ᵗ)
		rate[k] = p["lr"] / (math.Sqrt(vHat) + p["eps"]) // α/(√v̂ + ε)
		out[t-1] = handState{[]optim.Vec{{"m", m}, {"v", v}}, ptr(rate)}
	})
	return out
}

func ptr(a [2]float64) *[2]float64 { return &a }

// TestInternalsMatchTheRules checks every optimizer's Internals and StepSize
// after each of three steps against the same rules worked by hand, and that
// the optimizers without state or without per-coordinate steps say so.
func TestInternalsMatchTheRules(t *testing.T) {
	for _, tc := range handCases {
		t.Run(tc.name, func(t *testing.T) {
			opt, err := optim.New(tc.name, tc.params)
			if err != nil {
				t.Fatal(err)
			}
			handFn, stateful := explainCases[tc.name]
			ins, isInspector := opt.(optim.Inspector)
			if isInspector != stateful {
				t.Fatalf("got Inspector %v, want %v", isInspector, stateful)
			}
			if !stateful {
				if _, ok := opt.(optim.Adaptive); ok {
					t.Errorf("got an Adaptive optimizer without state")
				}
				return
			}
			want := handFn(tc.params)
			// Before the first step the state is zero, with the same names.
			for _, v := range ins.Internals(nil) {
				if v.X != [2]float64{} {
					t.Errorf("before stepping: %s = %v, want zeros", v.Name, v.X)
				}
			}
			x, g := []float64{start[0], start[1]}, make([]float64, 2)
			for i := range grads {
				copy(g, grads[i][:])
				opt.Step(x, g)
				compareState(t, fmt.Sprintf("step %d", i+1), opt, want[i])
			}
			// Reset forgets the state even though the memory is kept.
			opt.Reset()
			for _, v := range ins.Internals(nil) {
				if v.X != [2]float64{} {
					t.Errorf("after Reset: %s = %v, want zeros", v.Name, v.X)
				}
			}
		})
	}
}

func compareState(t *testing.T, when string, opt optim.Optimizer, want handState) {
	t.Helper()
	got := opt.(optim.Inspector).Internals(nil)
	if len(got) != len(want.internals) || len(got) > optim.MaxInternals {
		t.Fatalf("%s: got internals %v, want %v", when, got, want.internals)
	}
	for j, v := range got {
		w := want.internals[j]
		if v.Name != w.Name || !close2(v.X, w.X) {
			t.Errorf("%s: got %s = %v, want %s = %v", when, v.Name, v.X, w.Name, w.X)
		}
	}
	ad, adaptive := opt.(optim.Adaptive)
	if adaptive != (want.stepSize != nil) {
		t.Fatalf("%s: got Adaptive %v, want %v", when, adaptive, want.stepSize != nil)
	}
	if adaptive {
		if got := ad.StepSize(); !close2(got, *want.stepSize) {
			t.Errorf("%s: got step size %v, want %v", when, got, *want.stepSize)
		}
	}
}

func close2(a, b [2]float64) bool {
	for k := range 2 {
		if math.Abs(a[k]-b[k]) > handTol*math.Max(1, math.Abs(b[k])) {
			return false
		}
	}
	return true
}

// TestStepSizeExplainsTheUpdate checks the meaning StepSize's doc gives it:
// for Adagrad, RMSProp and Adadelta the update is −StepSize·g exactly, the
// notes' Figure 4 point that a steep coordinate gets a short step.
func TestStepSizeExplainsTheUpdate(t *testing.T) {
	for _, name := range []string{"adagrad", "rmsprop", "adadelta"} {
		t.Run(name, func(t *testing.T) {
			opt, _ := optim.New(name, nil)
			x := []float64{1, 1}
			for i, g := range grads {
				before := [2]float64{x[0], x[1]}
				opt.Step(x, append([]float64(nil), g[:]...))
				rate := opt.(optim.Adaptive).StepSize()
				for k := range 2 {
					if got, want := x[k]-before[k], -rate[k]*g[k]; math.Abs(got-want) > 1e-15*math.Max(1, math.Abs(want)) {
						t.Errorf("step %d, coordinate %d: got Δθ %v, want −StepSize·g = %v", i+1, k, got, want)
					}
				}
			}
		})
	}
}

// TestInternalsDoNotAllocate keeps the panel's readout free for the race.
func TestInternalsDoNotAllocate(t *testing.T) {
	buf := make([]optim.Vec, 0, optim.MaxInternals)
	for _, spec := range optim.Specs() {
		opt, _ := optim.New(spec.Name, nil)
		opt.Step([]float64{1, 2}, []float64{0.5, -1})
		ins, ok := opt.(optim.Inspector)
		if !ok {
			continue
		}
		if allocs := testing.AllocsPerRun(100, func() {
			buf = ins.Internals(buf[:0])
			if ad, ok := opt.(optim.Adaptive); ok {
				ad.StepSize()
			}
		}); allocs != 0 {
			t.Errorf("%s: got %v allocations, want 0", spec.Name, allocs)
		}
	}
}
