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

// The parameters below differ from the defaults on purpose, so a rule that
// ignored a parameter would fail. eps = 0.01 is large enough to show up in
// the result, which catches ε placed outside the root (or inside, for Adam).
var handCases = []struct {
	name   string
	params map[string]float64
	want   [3][2]float64
}{
	{"gd", map[string]float64{"lr": 0.1}, handGD(0.1)},
	{"momentum", map[string]float64{"lr": 0.1, "m": 0.5}, handMomentum(0.1, 0.5)},
	{"adagrad", map[string]float64{"lr": 0.3, "beta": 2, "eps": 0.01}, handAdagrad(0.3, 2, 0.01)},
	{"rmsprop", map[string]float64{"lr": 0.3, "beta": 0.8, "eps": 0.01}, handRMSProp(0.3, 0.8, 0.01)},
	{"adam", map[string]float64{"lr": 0.3, "beta1": 0.8, "beta2": 0.9, "eps": 0.01}, handAdam(0.3, 0.8, 0.9, 0.01)},
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

func TestAdamFirstStepIsLearningRate(t *testing.T) {
	// After one step m̂ = g and v̂ = g², so the move is α·g/(|g| + ε): about
	// α·sign(g) whatever the size of g. Without bias correction it would be
	// (1−β₁)/√(1−β₂) ≈ 3.16 times that with the defaults.
	const lr = 0.1
	opt, err := optim.New("adam", map[string]float64{"lr": lr})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0, 0, 0}
	g := []float64{1e-3, -5, 40}
	opt.Step(x, g)
	for k := range x {
		want := -lr * math.Copysign(1, g[k])
		// The ε = 1e-8 default shortens the step by a relative ε/|g| ≤ 1e-5.
		if math.Abs(x[k]-want) > lr*1e-5 {
			t.Errorf("x[%d]: got %v, want %v", k, x[k], want)
		}
	}
}

// run takes steps on the gradient of f(x, y) = x² + 10y² from (1, 1).
func run(opt optim.Optimizer, steps int) []float64 {
	x := []float64{1, 1}
	g := make([]float64, 2)
	for range steps {
		g[0], g[1] = 2*x[0], 20*x[1]
		opt.Step(x, g)
	}
	return x
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
// f(x, y) = (1−x)² + 100(y−x²)² (Rosenbrock 1960), from the classic start (−1.2, 1).
func BenchmarkStep(b *testing.B) {
	for _, spec := range optim.Specs() {
		b.Run(spec.Name, func(b *testing.B) {
			opt, _ := optim.New(spec.Name, nil)
			x, g := []float64{-1.2, 1}, make([]float64, 2)
			b.ReportAllocs()
			for b.Loop() {
				g[0] = -2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0])
				g[1] = 200 * (x[1] - x[0]*x[0])
				opt.Step(x, g)
				if !(math.Abs(x[0]) < 10 && math.Abs(x[1]) < 10) { // diverged at these defaults: start over
					x[0], x[1] = -1.2, 1
					opt.Reset()
				}
			}
		})
	}
}
