package problems

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// linearMapCases are matrices A and points x: the default (the notes'
// ill-conditioned quadratic), a skewed A, one with negative entries, and a
// singular one, at asymmetric points.
var linearMapCases = []struct {
	name string
	a    [2][2]float64
	x    [2]float64
}{
	{"default", [2][2]float64{{math.Sqrt(0.1), 0}, {0, math.Sqrt(10)}}, [2]float64{-4.5, 2}},
	{"skewed", [2][2]float64{{1, 0.5}, {-2, 0.3}}, [2]float64{0.7, -1.3}},
	{"negative", [2][2]float64{{-1.5, 2}, {0.25, -3}}, [2]float64{-2.2, 0.9}},
	{"singular", [2][2]float64{{1, 2}, {2, 4}}, [2]float64{1.1, 0.4}},
}

func linearMapWith(t *testing.T, a [2][2]float64) *Problem {
	t.Helper()
	p, err := linearMap.With(map[string]float64{"a11": a[0][0], "a12": a[0][1], "a21": a[1][0], "a22": a[1][1]})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := p.LinearMap(); !ok || got != a {
		t.Fatalf("LinearMap(): got %v, %v, want %v", got, ok, a)
	}
	return p
}

// TestChainRuleByHand works the default at the ill-conditioned quadratic's
// start on paper: y = (−4.5·√0.1, 2·√10), f = 0.1·4.5² + 10·2² = 42.025,
// ∇f = (0.2·(−4.5), 20·2) = (−0.9, 40), Hessian diag(0.2, 20), κ = 100.
func TestChainRuleByHand(t *testing.T) {
	tc := linearMapCases[0]
	c := ChainRule(tc.a, tc.x)
	for _, q := range []struct {
		what      string
		got, want float64
	}{
		{"y₁", c.Y[0], -4.5 * math.Sqrt(0.1)},
		{"y₂", c.Y[1], 2 * math.Sqrt(10)},
		{"f", c.F, 42.025},
		{"∂f/∂y₁", c.DfDy[0], -9 * math.Sqrt(0.1)},
		{"∂f/∂y₂", c.DfDy[1], 4 * math.Sqrt(10)},
		{"∇f₁", c.Grad[0], -0.9},
		{"∇f₂", c.Grad[1], 40},
		{"H₁₁", c.Hessian[0][0], 0.2},
		{"H₁₂", c.Hessian[0][1], 0},
		{"H₂₂", c.Hessian[1][1], 20},
		{"λ₁", c.Curvature.L1, 20},
		{"λ₂", c.Curvature.L2, 0.2},
		{"κ", c.Curvature.Kappa, 100},
		{"(∇_A f)₁₂", c.GradA[0][1], 2 * -4.5 * 2 * math.Sqrt(10)}, // 2·x₁·y₂
	} {
		if math.Abs(q.got-q.want) > 1e-13*math.Max(1, math.Abs(q.want)) {
			t.Errorf("%s: got %v, want %v", q.what, q.got, q.want)
		}
	}
	if c.DyDx != tc.a {
		t.Errorf("∂y/∂x: got %v, want A = %v in the notes' layout", c.DyDx, tc.a)
	}
}

// TestChainRuleAgainstAutomaticAndFD checks every quantity of the chain rule
// against the problem's automatic gradient and gonum's central differences:
// the Jacobian in the notes' layout, (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ, which is the
// transpose of gonum's fd.Jacobian (∂yᵢ/∂xⱼ); ∇ₓf; ∇_A f; the Hessian.
func TestChainRuleAgainstAutomaticAndFD(t *testing.T) {
	central := &fd.Settings{Formula: fd.Central}
	for _, tc := range linearMapCases {
		t.Run(tc.name, func(t *testing.T) {
			p := linearMapWith(t, tc.a)
			c := ChainRule(tc.a, tc.x)
			// Central differences of a quadratic err only by rounding,
			// ~1e-16·|f|/h with gonum's h ≈ 6e-6: below 1e-6 here.
			const fdTol = 1e-6
			near := func(what string, got, want float64, tol float64) {
				t.Helper()
				if math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
					t.Errorf("%s: got %v, want %v", what, got, want)
				}
			}
			near("f against the problem", c.F, p.Value(tc.x[0], tc.x[1]), 1e-14)
			gx, gy := p.Grad(tc.x[0], tc.x[1])
			near("∇f₁ against automatic", c.Grad[0], gx, 1e-14)
			near("∇f₂ against automatic", c.Grad[1], gy, 1e-14)

			fOfX := func(v []float64) float64 { return ChainRule(tc.a, [2]float64{v[0], v[1]}).F }
			grad := fd.Gradient(nil, fOfX, tc.x[:], central)
			near("∇f₁ against fd", c.Grad[0], grad[0], fdTol)
			near("∇f₂ against fd", c.Grad[1], grad[1], fdTol)

			var jac mat.Dense
			jac.ReuseAs(2, 2)
			fd.Jacobian(&jac, func(y, v []float64) {
				yy := ChainRule(tc.a, [2]float64{v[0], v[1]}).Y
				y[0], y[1] = yy[0], yy[1]
			}, tc.x[:], &fd.JacobianSettings{Formula: fd.Central})
			for i := range 2 {
				for j := range 2 {
					near("(∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ", c.DyDx[i][j], jac.At(j, i), fdTol)
				}
			}

			fOfA := func(v []float64) float64 { // A flattened row by row
				return ChainRule([2][2]float64{{v[0], v[1]}, {v[2], v[3]}}, tc.x).F
			}
			gradA := fd.Gradient(nil, fOfA, []float64{tc.a[0][0], tc.a[0][1], tc.a[1][0], tc.a[1][1]}, central)
			for i := range 4 {
				near("∇_A f", c.GradA[i/2][i%2], gradA[i], fdTol)
			}

			var h mat.SymDense
			fd.Hessian(&h, fOfX, tc.x[:], &fd.Settings{Formula: fd.Central, Step: 1e-3}) // exact for a quadratic but for rounding, ~1e-16·|f|/h²
			for i := range 4 {
				near("Hessian", c.Hessian[i/2][i%2], h.At(i/2, i%2), 1e-6)
			}
			hxx, hxy, hyy := p.Hessian(tc.x[0], tc.x[1])
			near("the problem's hxx against 2AAᵀ", hxx, c.Hessian[0][0], 1e-9)
			near("the problem's hxy against 2AAᵀ", hxy, c.Hessian[0][1], 1e-9)
			near("the problem's hyy against 2AAᵀ", hyy, c.Hessian[1][1], 1e-9)
		})
	}
}
