package optim_test

import (
	"math"
	"testing"

	"descent/optim"
)

// The fixed scenario every hand calculation below follows: three steps from
// x0 = (1, 1) with these gradients, chosen to flip sign and change size so
// every term of every rule matters.
var (
	start = [2]float64{1, 1}
	grads = [3][2]float64{{1, -2}, {0.5, 3}, {-1, 1}}
)

// handTol allows for the rounding difference between a hand transcription
// and the implementation's order of operations.
const handTol = 1e-12

// The reference functions are the course notes' formulas written out per
// coordinate k, independently of the implementation.

func handGD(lr float64) [3][2]float64 {
	var out [3][2]float64
	x := start
	for t, g := range grads {
		for k := range 2 {
			x[k] = x[k] - lr*g[k] // θ ← θ − α·g
		}
		out[t] = x
	}
	return out
}

func handMomentum(lr, m float64) [3][2]float64 {
	var out [3][2]float64
	x, v := start, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			v[k] = m*v[k] + g[k]  // v ← m·v + g
			x[k] = x[k] - lr*v[k] // θ ← θ − α·v
		}
		out[t] = x
	}
	return out
}

func handAdagrad(lr, beta, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, s := start, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			s[k] = s[k] + beta*g[k]*g[k]              // s ← s + β·g²
			x[k] = x[k] - lr/math.Sqrt(s[k]+eps)*g[k] // θ ← θ − α/√(s+ε)·g
		}
		out[t] = x
	}
	return out
}

func handRMSProp(lr, beta, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, s := start, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			s[k] = beta*s[k] + (1-beta)*g[k]*g[k]     // s ← β·s + (1−β)·g²
			x[k] = x[k] - lr/math.Sqrt(s[k]+eps)*g[k] // θ ← θ − α/√(s+ε)·g
		}
		out[t] = x
	}
	return out
}

func handAdam(lr, beta1, beta2, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, m, v := start, [2]float64{}, [2]float64{}
	for i, g := range grads {
		t := float64(i + 1) // the step number in β^t
		for k := range 2 {
			m[k] = beta1*m[k] + (1-beta1)*g[k]      // m ← β₁·m + (1−β₁)·g
			v[k] = beta2*v[k] + (1-beta2)*g[k]*g[k] // v ← β₂·v + (1−β₂)·g²
			mHat := m[k] / (1 - math.Pow(beta1, t)) // m̂ = m/(1−β₁ᵗ)
			vHat := v[k] / (1 - math.Pow(beta2, t)) // v̂ = v/(1−β₂ᵗ)
			x[k] = x[k] - lr*mHat/(math.Sqrt(vHat)+eps)
		}
		out[i] = x
	}
	return out
}

// handNesterov follows the notes' form, v ← m·v + ∇L(θ − α·m·v),
// θ ← θ − α·v, taking grads as the gradients at the look-ahead points, and
// returns those look-ahead points φ = θ − α·m·v, which Nesterov's doc says
// are what x holds. It thereby checks the equivalence, not only the code.
func handNesterov(lr, m float64) [3][2]float64 {
	var out [3][2]float64
	theta, v := start, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			v[k] = m*v[k] + g[k]             // v ← m·v + ∇L(θ − α·m·v)
			theta[k] = theta[k] - lr*v[k]    // θ ← θ − α·v
			out[t][k] = theta[k] - lr*m*v[k] // φ = θ − α·m·v
		}
	}
	return out
}

func handAdadelta(lr, rho, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, eg2, edx2 := start, [2]float64{}, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			eg2[k] = rho*eg2[k] + (1-rho)*g[k]*g[k]                      // E[g²] ← ρ·E[g²] + (1−ρ)·g²
			dx := -math.Sqrt(edx2[k]+eps) / math.Sqrt(eg2[k]+eps) * g[k] // Δx = −RMS[Δx]/RMS[g]·g
			edx2[k] = rho*edx2[k] + (1-rho)*dx*dx                        // E[Δx²] ← ρ·E[Δx²] + (1−ρ)·Δx²
			x[k] = x[k] + lr*dx                                          // θ ← θ + α·Δx
		}
		out[t] = x
	}
	return out
}

func handAdamax(lr, beta1, beta2, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, m, u := start, [2]float64{}, [2]float64{}
	for i, g := range grads {
		t := float64(i + 1)
		for k := range 2 {
			m[k] = beta1*m[k] + (1-beta1)*g[k]                      // m ← β₁·m + (1−β₁)·g
			u[k] = math.Max(beta2*u[k], math.Abs(g[k]))             // u ← max(β₂·u, |g|)
			x[k] = x[k] - lr/(1-math.Pow(beta1, t))*m[k]/(u[k]+eps) // θ ← θ − α/(1−β₁ᵗ)·m/(u+ε)
		}
		out[i] = x
	}
	return out
}

func handAMSGrad(lr, beta1, beta2, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, m, v, vMax := start, [2]float64{}, [2]float64{}, [2]float64{}
	for i, g := range grads {
		t := float64(i + 1)
		for k := range 2 {
			m[k] = beta1*m[k] + (1-beta1)*g[k]      // m ← β₁·m + (1−β₁)·g
			v[k] = beta2*v[k] + (1-beta2)*g[k]*g[k] // v ← β₂·v + (1−β₂)·g²
			vMax[k] = math.Max(vMax[k], v[k])       // vmax ← max(vmax, v)
			mHat := m[k] / (1 - math.Pow(beta1, t)) // m̂ = m/(1−β₁ᵗ)
			vHat := vMax[k] / (1 - math.Pow(beta2, t))
			x[k] = x[k] - lr*mHat/(math.Sqrt(vHat)+eps)
		}
		out[i] = x
	}
	return out
}

func handNAdam(lr, beta1, beta2, eps float64) [3][2]float64 {
	var out [3][2]float64
	x, m, v := start, [2]float64{}, [2]float64{}
	for i, g := range grads {
		t := float64(i + 1)
		for k := range 2 {
			m[k] = beta1*m[k] + (1-beta1)*g[k]        // m ← μ·m + (1−μ)·g, μ = β₁
			v[k] = beta2*v[k] + (1-beta2)*g[k]*g[k]   // n ← ν·n + (1−ν)·g², ν = β₂
			gHat := g[k] / (1 - math.Pow(beta1, t))   // ĝ = g/(1−∏ᵗμ)
			mHat := m[k] / (1 - math.Pow(beta1, t+1)) // m̂ = m/(1−∏ᵗ⁺¹μ)
			vHat := v[k] / (1 - math.Pow(beta2, t))   // n̂ = n/(1−νᵗ)
			mBar := (1-beta1)*gHat + beta1*mHat       // m̄ = (1−μ)·ĝ + μ·m̂
			x[k] = x[k] - lr*mBar/(math.Sqrt(vHat)+eps)
		}
		out[i] = x
	}
	return out
}

func handAdamW(lr, beta1, beta2, eps, wd float64) [3][2]float64 {
	var out [3][2]float64
	x, m, v := start, [2]float64{}, [2]float64{}
	for i, g := range grads {
		t := float64(i + 1)
		for k := range 2 {
			m[k] = beta1*m[k] + (1-beta1)*g[k]
			v[k] = beta2*v[k] + (1-beta2)*g[k]*g[k]
			mHat := m[k] / (1 - math.Pow(beta1, t))
			vHat := v[k] / (1 - math.Pow(beta2, t))
			x[k] = x[k] - lr*(mHat/(math.Sqrt(vHat)+eps)+wd*x[k]) // θ ← θ − α·(m̂/(√v̂+ε) + λ·θ)
		}
		out[i] = x
	}
	return out
}

func handLion(lr, beta1, beta2, wd float64) [3][2]float64 {
	var out [3][2]float64
	x, m := start, [2]float64{}
	for t, g := range grads {
		for k := range 2 {
			c := beta1*m[k] + (1-beta1)*g[k]     // c = β₁·m + (1−β₁)·g
			x[k] = x[k] - lr*(signum(c)+wd*x[k]) // θ ← θ − α·(sign(c) + λ·θ)
			m[k] = beta2*m[k] + (1-beta2)*g[k]   // m ← β₂·m + (1−β₂)·g
		}
		out[t] = x
	}
	return out
}

func signum(c float64) float64 {
	if c > 0 {
		return 1
	}
	if c < 0 {
		return -1
	}
	return 0
}

// The parameters below differ from the defaults on purpose, so a rule that
// ignored a parameter would fail. eps = 0.01 is large enough to show up in
// the result, which catches ε placed outside the root (or inside, for Adam).
var handCases = []struct {
	name   string
	params map[string]float64
	want   [3][2]float64
}{
	{"gd", map[string]float64{"lr": 0.1}, handGD(0.1)},
	// SGD's step is GD's on whatever gradient it is given: the race samples it.
	{"sgd", map[string]float64{"lr": 0.1, "batch": 3, "sigma": 2}, handGD(0.1)},
	// Newton's Step, without a Hessian, is a gradient step (newton_test.go has the Newton steps).
	{"newton", map[string]float64{"lr": 0.1, "damping": 1}, handGD(0.1)},
	{"momentum", map[string]float64{"lr": 0.1, "m": 0.5}, handMomentum(0.1, 0.5)},
	{"adagrad", map[string]float64{"lr": 0.3, "beta": 2, "eps": 0.01}, handAdagrad(0.3, 2, 0.01)},
	{"rmsprop", map[string]float64{"lr": 0.3, "beta": 0.8, "eps": 0.01}, handRMSProp(0.3, 0.8, 0.01)},
	{"adam", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.9, "eps": 0.01}, handAdam(0.3, 0.8, 0.9, 0.01)},
	{"nesterov", map[string]float64{"lr": 0.1, "m": 0.5}, handNesterov(0.1, 0.5)},
	{"adadelta", map[string]float64{"lr": 0.5, "rho": 0.8, "eps": 0.01}, handAdadelta(0.5, 0.8, 0.01)},
	// β₂ = 0.9 makes both branches of the max win: |g₀| goes 1, 0.5, 1 and u₀ 1, 0.9, 1.
	{"adamax", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.9, "eps": 0.01}, handAdamax(0.3, 0.8, 0.9, 0.01)},
	// β₂ = 0.5 makes v fall in both coordinates (v₀: 0.5 then 0.375; v₁: 5.5 then 3.25), so the max matters.
	{"amsgrad", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.5, "eps": 0.01}, handAMSGrad(0.3, 0.8, 0.5, 0.01)},
	{"nadam", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.9, "eps": 0.01}, handNAdam(0.3, 0.8, 0.9, 0.01)},
	{"adamw", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.9, "eps": 0.01, "wd": 0.1}, handAdamW(0.3, 0.8, 0.9, 0.01, 0.1)},
	// β₂ = 0.5 turns c₁ negative at step 2 although g₁ = 3: the momentum decides the sign.
	{"lion", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.5, "wd": 0.1}, handLion(0.3, 0.8, 0.5, 0.1)},
}

func TestFirstStepsMatchNotes(t *testing.T) {
	for _, tc := range handCases {
		t.Run(tc.name, func(t *testing.T) {
			opt, err := optim.New(tc.name, tc.params)
			if err != nil {
				t.Fatal(err)
			}
			x := []float64{start[0], start[1]}
			for i, g := range grads {
				opt.Step(x, g[:])
				for k := range 2 {
					if d := math.Abs(x[k] - tc.want[i][k]); d > handTol {
						t.Errorf("step %d, x[%d]: got %v, want %v", i+1, k, x[k], tc.want[i][k])
					}
				}
			}
		})
	}
}

// TestHandGD pins the simplest reference to numbers worked out on paper, so
// the references themselves are checked too: with α = 0.1,
// (1,1) − 0.1·(1,−2) = (0.9, 1.2); − 0.1·(0.5,3) = (0.85, 0.9); − 0.1·(−1,1) = (0.95, 0.8).
func TestHandGD(t *testing.T) {
	want := [3][2]float64{{0.9, 1.2}, {0.85, 0.9}, {0.95, 0.8}}
	got := handGD(0.1)
	for i := range want {
		for k := range 2 {
			if math.Abs(got[i][k]-want[i][k]) > handTol {
				t.Errorf("step %d, x[%d]: got %v, want %v", i+1, k, got[i][k], want[i][k])
			}
		}
	}
}

// TestHandReferencesOnPaper pins two more references to numbers worked out
// on paper, from (1, 1) with the gradients of grads.
func TestHandReferencesOnPaper(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want [3][2]float64
	}{
		// α = 0.1, m = 0.5. v: (1,−2), (1,2), (−0.5,2); θ: (0.9,1.2), (0.8,1), (0.85,0.8);
		// φ = θ − 0.05·v: (0.85,1.3), (0.75,0.9), (0.875,0.7).
		{"nesterov", handNesterov(0.1, 0.5), [3][2]float64{{0.85, 1.3}, {0.75, 0.9}, {0.875, 0.7}}},
		// α = 0.3, β₁ = 0.8, β₂ = 0.5, λ = 0.1. sign(c): (1,−1), (1,−1), (1,1); m: (0.5,−1), (0.5,1);
		// x: 1 − 0.3·1.1 = 0.67, 0.67 − 0.3·1.067 = 0.3499, 0.3499 − 0.3·1.03499 = 0.039403;
		// y: 1 − 0.3·(−0.9) = 1.27, 1.27 − 0.3·(−0.873) = 1.5319, 1.5319 − 0.3·1.15319 = 1.185943.
		{"lion", handLion(0.3, 0.8, 0.5, 0.1), [3][2]float64{{0.67, 1.27}, {0.3499, 1.5319}, {0.039403, 1.185943}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.want {
				for k := range 2 {
					if math.Abs(tc.got[i][k]-tc.want[i][k]) > handTol {
						t.Errorf("step %d, x[%d]: got %v, want %v", i+1, k, tc.got[i][k], tc.want[i][k])
					}
				}
			}
		})
	}
}

func TestAdamFamilyFirstStep(t *testing.T) {
	// After one step m̂ = g and v̂ = g², so Adam moves α·g/(|g| + ε): about
	// α·sign(g) whatever the size of g. Without bias correction it would be
	// (1−β₁)/√(1−β₂) ≈ 3.16 times that with the defaults. The variants share
	// the correction; x starts at 0 so AdamW's decay λ·θ adds nothing.
	const lr = 0.1
	const beta1 = 0.9 // the registry's default, restated for NAdam's factor
	for _, tc := range []struct {
		name   string
		factor float64 // the first step over α·sign(g)
	}{
		{"adam", 1},
		{"adamax", 1},  // α/(1−β₁)·(1−β₁)·g/(|g|+ε)
		{"amsgrad", 1}, // vmax = v at the first step
		{"adamw", 1},
		// m̄ = β₁·(1−β₁)·g/(1−β₁²) + (1−β₁)·g/(1−β₁) = (β₁/(1+β₁) + 1)·g
		{"nadam", 1 + beta1/(1+beta1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt, err := optim.New(tc.name, map[string]float64{"lr": lr})
			if err != nil {
				t.Fatal(err)
			}
			x := []float64{0, 0, 0}
			g := []float64{1e-3, -5, 40}
			opt.Step(x, g)
			for k := range x {
				want := -lr * tc.factor * math.Copysign(1, g[k])
				// The ε = 1e-8 default shortens the step by a relative ε/|g| ≤ 1e-5.
				if math.Abs(x[k]-want) > lr*tc.factor*1e-5 {
					t.Errorf("x[%d]: got %v, want %v", k, x[k], want)
				}
			}
		})
	}
}

func TestAMSGradKeepsTheMax(t *testing.T) {
	// One coordinate, β₁ = 0 so m = g, β₂ = 0.5, gradients 4 then 1.
	// v: 0.5·16 = 8, then 0.5·8 + 0.5·1 = 4.5 < 8, so vmax stays 8.
	// Step 2 moves α·1/(√(8/(1−0.5²)) + ε) for AMSGrad, α·1/(√(4.5/(1−0.5²)) + ε) for Adam.
	const lr, eps = 0.1, 1e-12
	params := map[string]float64{"lr": lr, "beta1": 0, "beta2": 0.5, "eps": eps}
	wantStep2 := map[string]float64{
		"amsgrad": lr / (math.Sqrt(8/0.75) + eps),
		"adam":    lr / (math.Sqrt(4.5/0.75) + eps),
	}
	for name, want := range wantStep2 {
		opt, err := optim.New(name, params)
		if err != nil {
			t.Fatal(err)
		}
		x := []float64{0}
		opt.Step(x, []float64{4})
		before := x[0]
		opt.Step(x, []float64{1})
		if got := before - x[0]; math.Abs(got-want) > handTol {
			t.Errorf("%s step 2: got a move of %v, want %v", name, got, want)
		}
	}
}

func TestLionStepsAreExactlyLearningRate(t *testing.T) {
	// With λ = 0 every coordinate moves by α·sign(c), whatever the size of g;
	// a coordinate with c = 0 (no gradient yet, no momentum) stays put.
	const lr = 0.01 // the default
	opt, err := optim.New("lion", map[string]float64{"wd": 0})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0, 0, 0, 0}
	opt.Step(x, []float64{1e-9, -3, 250, 0})
	want := []float64{-lr, lr, -lr, 0}
	for k := range x {
		if x[k] != want[k] {
			t.Errorf("step 1, x[%d]: got %v, want %v exactly", k, x[k], want[k])
		}
	}
	// A zero gradient now: c = β₁·m keeps the sign of the first gradient.
	opt.Step(x, []float64{0, 0, 0, 0})
	want = []float64{-2 * lr, 2 * lr, -2 * lr, 0}
	for k := range x {
		if x[k] != want[k] {
			t.Errorf("step 2, x[%d]: got %v, want %v exactly", k, x[k], want[k])
		}
	}
}

func TestAdamWDecayIsDecoupled(t *testing.T) {
	// With zero gradients Adam's part is 0/(0+ε) = 0, so only the decay acts
	// and each step multiplies θ by 1 − α·λ, whatever the scale of θ.
	const lr, wd = 0.1, 0.5
	opt, err := optim.New("adamw", map[string]float64{"lr": lr, "wd": wd})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{2, -3e6}
	want := []float64{2, -3e6}
	for step := 1; step <= 3; step++ {
		opt.Step(x, []float64{0, 0})
		for k := range x {
			want[k] = want[k] - lr*wd*want[k]
			if math.Abs(x[k]-want[k]) > handTol*math.Abs(want[k]) {
				t.Errorf("step %d, x[%d]: got %v, want %v", step, k, x[k], want[k])
			}
		}
	}
}

// bowlHessian is the Hessian of f(x, y) = x² + 10y², row-major.
var bowlHessian = []float64{2, 0, 0, 20}

// stepBowl takes one step of opt on f(x, y) = x² + 10y² at x, giving a
// second-order optimizer the exact Hessian.
func stepBowl(opt optim.Optimizer, x, g []float64) {
	g[0], g[1] = 2*x[0], 20*x[1]
	if so, ok := opt.(optim.SecondOrder); ok {
		so.StepHessian(x, g, bowlHessian)
		return
	}
	opt.Step(x, g)
}

// run takes steps on f(x, y) = x² + 10y² from (1, 1).
func run(opt optim.Optimizer, steps int) []float64 {
	x := []float64{1, 1}
	g := make([]float64, 2)
	for range steps {
		stepBowl(opt, x, g)
	}
	return x
}

// TestDefaultsDescend runs every optimizer with its defaults on run's bowl
// f(x, y) = x² + 10y², from farther out at (−4, 2), where f = 56: a surface
// the size of the app's, on which no default should diverge or stall.
func TestDefaultsDescend(t *testing.T) {
	const steps = 500
	f := func(x []float64) float64 { return x[0]*x[0] + 10*x[1]*x[1] }
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			opt, err := optim.New(spec.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			x, g := []float64{-4, 2}, make([]float64, 2)
			f0 := f(x)
			for i := range steps {
				stepBowl(opt, x, g)
				if math.IsNaN(x[0]) || math.IsNaN(x[1]) || math.IsInf(x[0], 0) || math.IsInf(x[1], 0) {
					t.Fatalf("step %d: got x = %v, want finite", i+1, x)
				}
			}
			if got := f(x); !(got < f0) {
				t.Errorf("after %d steps: got f = %v at %v, want below the start's %v", steps, got, x, f0)
			}
		})
	}
}

func TestResetAndDeterminism(t *testing.T) {
	const steps = 50
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			fresh, err := optim.New(spec.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			reused, _ := optim.New(spec.Name, nil)
			want := run(fresh, steps)
			if got := run(reused, steps); got[0] != want[0] || got[1] != want[1] {
				t.Errorf("second run: got %v, want %v bit for bit", got, want)
			}
			reused.Reset()
			if got := run(reused, steps); got[0] != want[0] || got[1] != want[1] {
				t.Errorf("after Reset: got %v, want %v bit for bit", got, want)
			}
			// A Reset also frees the dimension for a new one.
			reused.Reset()
			reused.Step(make([]float64, 3), make([]float64, 3))
		})
	}
}

func TestStepPanics(t *testing.T) {
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			opt, _ := optim.New(spec.Name, nil)
			mustPanic(t, "len(x) != len(grad)", func() { opt.Step(make([]float64, 2), make([]float64, 3)) })
			opt.Reset()
			opt.Step(make([]float64, 2), make([]float64, 2))
			mustPanic(t, "dimension change", func() { opt.Step(make([]float64, 3), make([]float64, 3)) })
		})
	}
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: got no panic, want one", what)
		}
	}()
	f()
}

func TestStepDoesNotAllocate(t *testing.T) {
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			opt, _ := optim.New(spec.Name, nil)
			x, g := []float64{1, 1}, []float64{0.5, -0.5}
			opt.Step(x, g) // warm-up: the state vectors are allocated here
			if allocs := testing.AllocsPerRun(100, func() { opt.Step(x, g) }); allocs != 0 {
				t.Errorf("got %v allocations per Step, want 0", allocs)
			}
			opt.Reset()
			opt.Step(x, g) // same dimension after Reset: memory is reused
			if allocs := testing.AllocsPerRun(100, func() { opt.Reset(); opt.Step(x, g) }); allocs != 0 {
				t.Errorf("got %v allocations per Reset+Step, want 0", allocs)
			}
		})
	}
}

// BenchmarkStep steps each optimizer on the gradient of Rosenbrock's function
// f(x, y) = (1−x)² + 100(y−x²)² (Rosenbrock 1960), from the classic start
// (−1.2, 1); a second-order optimizer also gets the exact Hessian
// [2 − 400(y − x²) + 800x², −400x; −400x, 200], and SGD the exact gradient
// (its sampling is the race's, benchmarked there).
func BenchmarkStep(b *testing.B) {
	for _, spec := range optim.Specs() {
		b.Run(spec.Name, func(b *testing.B) {
			opt, _ := optim.New(spec.Name, nil)
			so, second := opt.(optim.SecondOrder)
			x, g, h := []float64{-1.2, 1}, make([]float64, 2), make([]float64, 4)
			b.ReportAllocs()
			for b.Loop() {
				g[0] = -2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0])
				g[1] = 200 * (x[1] - x[0]*x[0])
				if second {
					h[0] = 2 - 400*(x[1]-x[0]*x[0]) + 800*x[0]*x[0]
					h[1], h[2], h[3] = -400*x[0], -400*x[0], 200
					so.StepHessian(x, g, h)
				} else {
					opt.Step(x, g)
				}
				if !(math.Abs(x[0]) < 10 && math.Abs(x[1]) < 10) { // diverged at these defaults: start over
					x[0], x[1] = -1.2, 1
					opt.Reset()
				}
			}
		})
	}
}
