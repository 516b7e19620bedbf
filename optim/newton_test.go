package optim_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"descent/optim"
)

// quadratics are f(x) = ½xᵀAx − bᵀx, with gradient Ax − b and Hessian A, so
// that the stationary point is the solution of A·x = b. They include
// indefinite matrices (a saddle has a stationary point too) and ones whose
// first pivot is zero or small, which need row exchanges.
var quadratics = []struct {
	name string
	a    []float64 // n×n, row-major, symmetric
	b    []float64
	x0   []float64
}{
	{"round bowl", []float64{2, 0, 0, 2}, []float64{1, -1}, []float64{-4, 3}},
	{"notes' ill-conditioned", []float64{0.2, 0, 0, 20}, []float64{0, 0}, []float64{-4.5, 2}},
	{"booth", []float64{10, 8, 8, 10}, []float64{34, 38}, []float64{-8, -6}}, // Booth's function: f − ½xᵀAx + bᵀx = 74
	{"matyas", []float64{0.52, -0.48, -0.48, 0.52}, []float64{0, 0}, []float64{-7, 9}},
	{"saddle, zero first pivot", []float64{0, 1, 1, 0}, []float64{2, -3}, []float64{0.5, 0.5}},
	{"small first pivot", []float64{1e-6, 1, 1, 3}, []float64{1, 2}, []float64{10, -10}},
	{"3-D bowl", []float64{4, 1, 0.5, 1, 3, -1, 0.5, -1, 2}, []float64{1, 2, 3}, []float64{5, -5, 5}},
	{"3-D indefinite", []float64{1, 2, 0, 2, 1, 3, 0, 3, -2}, []float64{-1, 0, 4}, []float64{0.1, 0.2, 0.3}},
	{"3-D ill-conditioned", []float64{1000, 0, 0, 0, 1, 0.5, 0, 0.5, 1}, []float64{1, 1, 1}, []float64{-1, 2, -3}},
}

// gradient returns A·x − b.
func gradient(a, b, x []float64) []float64 {
	n := len(x)
	g := make([]float64, n)
	for i := range n {
		for j := range n {
			g[i] += a[i*n+j] * x[j]
		}
		g[i] -= b[i]
	}
	return g
}

// gonumSolve returns the solution of (A + λI)·x = rhs by gonum's LU.
func gonumSolve(t *testing.T, a []float64, lambda float64, rhs []float64) []float64 {
	t.Helper()
	n := len(rhs)
	m := mat.NewDense(n, n, append([]float64(nil), a...))
	for k := range n {
		m.Set(k, k, m.At(k, k)+lambda)
	}
	var x mat.VecDense
	if err := x.SolveVec(m, mat.NewVecDense(n, append([]float64(nil), rhs...))); err != nil {
		t.Fatalf("gonum: %v", err)
	}
	return x.RawVector().Data
}

// TestNewtonSolvesQuadraticsInOneStep: with α = 1 and λ = 0, one step from
// anywhere lands on A⁻¹b, whatever the signs of A's eigenvalues.
func TestNewtonSolvesQuadraticsInOneStep(t *testing.T) {
	for _, q := range quadratics {
		t.Run(q.name, func(t *testing.T) {
			opt, err := optim.New("newton", map[string]float64{"lr": 1, "damping": 0})
			if err != nil {
				t.Fatal(err)
			}
			x := append([]float64(nil), q.x0...)
			opt.(optim.SecondOrder).StepHessian(x, gradient(q.a, q.b, x), q.a)
			want := gonumSolve(t, q.a, 0, q.b)
			for k := range x {
				// Two LU solves of systems with condition number ≤ 1e6 (the small
				// pivot case): they agree to about 1e-10 relative.
				if math.Abs(x[k]-want[k]) > 1e-9*math.Max(1, math.Abs(want[k])) {
					t.Errorf("x[%d]: got %v, want %v", k, x[k], want[k])
				}
			}
			if n := opt.(*optim.Newton).Fallbacks(); n != 0 {
				t.Errorf("got %d fallbacks, want 0", n)
			}
		})
	}
}

// TestNewtonDamping checks x₁ = x₀ − α·(A + λI)⁻¹·∇f against gonum, and one
// case by hand: for f = x² + 10y² at (1, 1), ∇f = (2, 20) and H = diag(2, 20);
// with λ = 2 and α = 1 the step is (2/4, 20/22), so x₁ = (0.5, 1/11); with
// α = 0.5 it is half that, x₁ = (0.75, 6/11).
func TestNewtonDamping(t *testing.T) {
	for _, tc := range []struct {
		lr, lambda float64
		want       []float64
	}{
		{1, 2, []float64{0.5, 1.0 / 11}},
		{0.5, 2, []float64{0.75, 6.0 / 11}},
	} {
		opt := &optim.Newton{LearningRate: tc.lr, Damping: tc.lambda}
		x := []float64{1, 1}
		opt.StepHessian(x, []float64{2, 20}, []float64{2, 0, 0, 20})
		for k := range x {
			if math.Abs(x[k]-tc.want[k]) > handTol {
				t.Errorf("α %v λ %v, x[%d]: got %v, want %v", tc.lr, tc.lambda, k, x[k], tc.want[k])
			}
		}
	}
	for _, q := range quadratics {
		t.Run(q.name, func(t *testing.T) {
			const lr, lambda = 0.7, 3
			opt := &optim.Newton{LearningRate: lr, Damping: lambda}
			x := append([]float64(nil), q.x0...)
			g := gradient(q.a, q.b, x)
			d := gonumSolve(t, q.a, lambda, g)
			opt.StepHessian(x, g, q.a)
			for k := range x {
				want := q.x0[k] - lr*d[k]
				if math.Abs(x[k]-want) > 1e-9*math.Max(1, math.Abs(want)) {
					t.Errorf("x[%d]: got %v, want %v", k, x[k], want)
				}
			}
		})
	}
}

// TestNewtonFallsBackToGradient: where H + λI cannot be solved, the step is
// x − α·∇f, counted by Fallbacks. From (1, 2) with ∇f = (3, −1) and α = 0.5
// that is (−0.5, 2.5).
func TestNewtonFallsBackToGradient(t *testing.T) {
	want := []float64{1 - 0.5*3, 2 - 0.5*-1}
	for _, tc := range []struct {
		name string
		hess []float64
	}{
		{"rank one", []float64{1, 1, 1, 1}},
		{"singular up to rounding", []float64{1, 2, 2, 4 + 1e-15}}, // pivot 1e-15 < 1e-12·4
		{"zero", []float64{0, 0, 0, 0}},
		{"NaN", []float64{1, 0, 0, math.NaN()}},
		{"Inf", []float64{math.Inf(1), 0, 0, 1}},
		{"overflowing solution", []float64{1e-310, 0, 0, 1e-310}}, // pivots pass (relative), 3/1e-310 is +Inf
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := &optim.Newton{LearningRate: 0.5}
			x := []float64{1, 2}
			opt.StepHessian(x, []float64{3, -1}, tc.hess)
			if x[0] != want[0] || x[1] != want[1] {
				t.Errorf("got %v, want the gradient step %v", x, want)
			}
			if n := opt.Fallbacks(); n != 1 {
				t.Errorf("Fallbacks: got %d, want 1", n)
			}
			opt.Reset()
			if n := opt.Fallbacks(); n != 0 {
				t.Errorf("Fallbacks after Reset: got %d, want 0", n)
			}
		})
	}
	t.Run("damping makes it solvable", func(t *testing.T) {
		// [1 1; 1 1] + I = [2 1; 1 2], whose inverse is [2 −1; −1 2]/3:
		// the direction for (3, −1) is (7/3, −5/3), so x = (1, 2) − 0.5·that.
		opt := &optim.Newton{LearningRate: 0.5, Damping: 1}
		x := []float64{1, 2}
		opt.StepHessian(x, []float64{3, -1}, []float64{1, 1, 1, 1})
		if want := []float64{1 - 0.5*7.0/3, 2 + 0.5*5.0/3}; math.Abs(x[0]-want[0]) > handTol || math.Abs(x[1]-want[1]) > handTol {
			t.Errorf("got %v, want %v", x, want)
		}
		if n := opt.Fallbacks(); n != 0 {
			t.Errorf("Fallbacks: got %d, want 0", n)
		}
	})
}

func TestNewtonHessianPanics(t *testing.T) {
	opt := &optim.Newton{LearningRate: 1}
	mustPanic(t, "len(hess) != n²", func() { opt.StepHessian(make([]float64, 2), make([]float64, 2), make([]float64, 3)) })
}

func TestNewtonStepHessianDoesNotAllocate(t *testing.T) {
	opt := &optim.Newton{LearningRate: 1, Damping: 0.1}
	x, g, h := []float64{1, 1}, []float64{0.5, -0.5}, []float64{2, 1, 1, 3}
	opt.StepHessian(x, g, h) // warm-up: the scratch system is allocated here
	if allocs := testing.AllocsPerRun(100, func() { opt.StepHessian(x, g, h) }); allocs != 0 {
		t.Errorf("got %v allocations per StepHessian, want 0", allocs)
	}
	if allocs := testing.AllocsPerRun(100, func() { opt.Reset(); opt.StepHessian(x, g, h) }); allocs != 0 {
		t.Errorf("got %v allocations per Reset+StepHessian, want 0", allocs)
	}
	// A smaller dimension after Reset reuses the memory too.
	x1, g1, h1 := []float64{1}, []float64{2}, []float64{4}
	if allocs := testing.AllocsPerRun(100, func() { opt.Reset(); opt.StepHessian(x1, g1, h1) }); allocs != 0 {
		t.Errorf("got %v allocations per Reset+StepHessian in 1-D, want 0", allocs)
	}
}

func TestSGDSampling(t *testing.T) {
	opt, err := optim.New("sgd", map[string]float64{"batch": 32, "sigma": 0.25})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := opt.(optim.Stochastic)
	if !ok {
		t.Fatalf("got %T, want an optim.Stochastic", opt)
	}
	if batch, sigma := s.Sampling(); batch != 32 || sigma != 0.25 {
		t.Errorf("Sampling: got (%d, %v), want (32, 0.25)", batch, sigma)
	}
	if batch, _ := (&optim.SGD{}).Sampling(); batch != 1 {
		t.Errorf("zero value's batch: got %d, want 1", batch)
	}
	for _, name := range []string{"gd", "adam", "newton"} {
		if opt, _ := optim.New(name, nil); isStochastic(opt) {
			t.Errorf("%s: got a Stochastic, want a plain Optimizer", name)
		}
	}
}

func isStochastic(o optim.Optimizer) bool {
	_, ok := o.(optim.Stochastic)
	return ok
}
