package problems

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestGeometryAgainstEigenSym checks the closed form against gonum's
// symmetric eigensolver, and the eigenvectors by their definition H·v = λ·v.
func TestGeometryAgainstEigenSym(t *testing.T) {
	for _, tc := range []struct {
		name          string
		hxx, hxy, hyy float64
	}{
		{"ill-conditioned", 0.2, 0, 20},                // the notes' 0.1x² + 10y²: diag(2a₁, 2a₂)
		{"steep along x", 20, 0, 0.2},                  // the same valley turned a quarter
		{"booth", 10, 8, 10},                           // eigenvalues 18 and 2
		{"skewed", 3, -1.7, 0.4},                       // no symmetry at all
		{"saddle", 2, 0.5, -3},                         // indefinite
		{"hilltop", -4, 1, -1},                         // negative definite
		{"flat valley", 1, 1, 1},                       // singular: κ = ∞
		{"round", 5, 0, 5},                             // a multiple of I: any direction
		{"nearly round", 5, 1e-9, 5},                   // the angle is then from hxy alone
		{"very ill-conditioned", 1e4, 1e4 - 1e-3, 1e4}, // κ ≈ 2e7, small eigenvalue 1e-3
		{"rotated κ = 1000 at 30°", 250.75, -999 * math.Sqrt(3) / 4, 750.25}, // R(30°)ᵀdiag(1, 1000)R(30°)
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Geometry(tc.hxx, tc.hxy, tc.hyy)
			var es mat.EigenSym
			if !es.Factorize(mat.NewSymDense(2, []float64{tc.hxx, tc.hxy, tc.hxy, tc.hyy}), true) {
				t.Fatal("gonum's EigenSym failed")
			}
			vals := es.Values(nil) // ascending
			scale := math.Max(math.Abs(vals[0]), math.Abs(vals[1]))
			// Both are good to a few rounding units of the matrix's size (~1e-16·scale);
			// 1e-12 leaves room without hiding a wrong formula.
			if math.Abs(c.L1-vals[1]) > 1e-12*scale || math.Abs(c.L2-vals[0]) > 1e-12*scale {
				t.Errorf("eigenvalues: got %v, %v, want gonum's %v, %v", c.L1, c.L2, vals[1], vals[0])
			}
			for _, e := range []struct {
				l float64
				v [2]float64
			}{{c.L1, c.V1}, {c.L2, c.V2}} {
				if n := math.Hypot(e.v[0], e.v[1]); math.Abs(n-1) > 1e-15 {
					t.Errorf("|v| = %v, want 1", n)
				}
				hv := [2]float64{tc.hxx*e.v[0] + tc.hxy*e.v[1], tc.hxy*e.v[0] + tc.hyy*e.v[1]}
				for k := range 2 {
					// The direction of an eigenvalue within δ of the other is
					// known to ~1e-16·scale/δ; the residual stays ~1e-16·scale.
					if math.Abs(hv[k]-e.l*e.v[k]) > 1e-12*scale {
						t.Errorf("H·v = %v, want λ·v = %v·%v", hv, e.l, e.v)
					}
				}
			}
			if c.V2 != [2]float64{-c.V1[1], c.V1[0]} {
				t.Errorf("V2 = %v, want V1 = %v turned by +90°", c.V2, c.V1)
			}
			lo := math.Min(math.Abs(vals[0]), math.Abs(vals[1]))
			want := scale / lo
			if lo < 1e-12*scale { // singular up to rounding
				if !math.IsInf(c.Kappa, 1) && c.Kappa < 1e12 {
					t.Errorf("κ = %v, want +Inf or huge for a singular Hessian", c.Kappa)
				}
			} else if math.Abs(c.Kappa-want) > 1e-9*want {
				t.Errorf("κ = %v, want |λ|max/|λ|min = %v", c.Kappa, want)
			}
		})
	}
}

// TestCurvatureOfTheRotatedValley reads the rotated quadratic's Hessian
// R(θ)ᵀ·diag(1, κ)·R(θ) back (notes.go): eigenvalues κ and 1, the steep
// direction (−sin θ, cos θ) across the valley, the flat one along it.
func TestCurvatureOfTheRotatedValley(t *testing.T) {
	base, _ := Lookup("rotated")
	p, err := base.With(map[string]float64{"kappa": 40, "angle": 30})
	if err != nil {
		t.Fatal(err)
	}
	c := p.Curvature(1.3, -0.7) // any point: the Hessian is constant
	theta := 30 * math.Pi / 180
	steep := [2]float64{-math.Sin(theta), math.Cos(theta)}
	// CentralHessian of a quadratic is exact but for rounding, ~1e-12·|∇f|.
	if math.Abs(c.L1-40) > 1e-8 || math.Abs(c.L2-1) > 1e-8 || math.Abs(c.Kappa-40) > 1e-8 {
		t.Errorf("got λ = %v, %v, κ = %v, want 40, 1, 40", c.L1, c.L2, c.Kappa)
	}
	if dot := c.V1[0]*steep[0] + c.V1[1]*steep[1]; math.Abs(math.Abs(dot)-1) > 1e-9 {
		t.Errorf("got V1 = %v, want ±%v, across the valley", c.V1, steep)
	}
}

// TestSemiAxes checks that the ellipse's ends lie on the level set
// ½·dᵀHd = level, and that a saddle has no ellipse along its downward
// direction.
func TestSemiAxes(t *testing.T) {
	const level = 0.5
	hxx, hxy, hyy := 3.0, -1.7, 0.4
	c := Geometry(hxx, hxy, hyy)
	r1, r2 := c.SemiAxes(level)
	for _, e := range []struct {
		r float64
		v [2]float64
	}{{r1, c.V1}, {r2, c.V2}} {
		d := [2]float64{e.r * e.v[0], e.r * e.v[1]}
		q := (hxx*d[0]*d[0] + 2*hxy*d[0]*d[1] + hyy*d[1]*d[1]) / 2
		if math.Abs(q-level) > 1e-12 {
			t.Errorf("½·dᵀHd at the axis end %v: got %v, want %v", d, q, level)
		}
	}
	if r1, r2 := Geometry(2, 0, -3).SemiAxes(level); math.IsInf(r1, 0) || !math.IsInf(r2, 1) {
		t.Errorf("saddle diag(2, −3): got semi-axes %v, %v, want finite and +Inf", r1, r2)
	}
}
