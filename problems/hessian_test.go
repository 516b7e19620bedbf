package problems

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// TestHessianByHand compares Hessian with Hessians worked out on paper.
func TestHessianByHand(t *testing.T) {
	rosenbrockHessian := func(x, y float64) [3]float64 { // of (1−x)² + 100(y−x²)²
		return [3]float64{2 - 400*(y-x*x) + 800*x*x, -400 * x, 200}
	}
	for _, tc := range []struct {
		problem string
		x, y    float64
		want    [3]float64 // hxx, hxy, hyy
		tol     float64
	}{
		// Quadratics: central differences are exact but for rounding, ~1e-12·|∇f|.
		{"booth", -8, -6, [3]float64{10, 8, 10}, 1e-9},              // Source: [[10, 8], [8, 10]]
		{"matyas", -7, 9, [3]float64{0.52, -0.48, 0.52}, 1e-9},      // Source: [[0.52, −0.48], [−0.48, 0.52]]
		{"ill-conditioned", -4.5, 2, [3]float64{0.2, 0, 20}, 1e-9},  // diag(2a₁, 2a₂)
		{"saddle", 0.3, 0.2, [3]float64{2, 0, 3*0.2*0.2 - 1}, 1e-7}, // ∇f = (2x, y³ − y): truncation (2k)²/6·6 ≈ 4e-8
		{"rosenbrock", -1.2, 1, rosenbrockHessian(-1.2, 1), 1e-5},   // truncation h²·f⁗/6 with f⁗ = 2400, h = 1.2e-4
		{"rosenbrock", 0.7, 0.3, rosenbrockHessian(0.7, 0.3), 1e-5}, // the same, h = 1e-4
		{"rosenbrock", 1, 1, rosenbrockHessian(1, 1), 1e-5},         // at the minimum
	} {
		p, _ := Lookup(tc.problem)
		hxx, hxy, hyy := p.Hessian(tc.x, tc.y)
		for i, got := range [3]float64{hxx, hxy, hyy} {
			if math.Abs(got-tc.want[i]) > tc.tol {
				t.Errorf("%s at (%v, %v), entry %d: got %v, want %v within %v", tc.problem, tc.x, tc.y, i, got, tc.want[i], tc.tol)
			}
		}
	}
}

// TestHessianAgainstFD checks Hessian against gonum's central-difference
// Jacobian of the exact gradient, an independent implementation with its own
// step (about 6e-6), at asymmetric points of every problem.
func TestHessianAgainstFD(t *testing.T) {
	for _, in := range instances(t) {
		p := in.p
		t.Run(in.name, func(t *testing.T) {
			for _, o := range offsets {
				x, y := p.XMin+o[0]*(p.XMax-p.XMin), p.YMin+o[1]*(p.YMax-p.YMin)
				var jac mat.Dense
				jac.ReuseAs(2, 2)
				fd.Jacobian(&jac, func(g, v []float64) { g[0], g[1] = p.Grad(v[0], v[1]) }, []float64{x, y},
					&fd.JacobianSettings{Formula: fd.Central})
				hxx, hxy, hyy := p.Hessian(x, y)
				got := [4]float64{hxx, hxy, hxy, hyy}
				scale := math.Max(1, mat.Norm(&jac, math.Inf(1)))
				for i := range 4 {
					want := jac.At(i/2, i%2)
					// Truncation, h²·f⁗/6, dominates: h reaches 5.1e-4 at the domain's
					// edge (1e-4·5.12) and Rastrigin's f⁗ is up to 10·(2π)⁴ ≈ 1.6e4,
					// so 7e-4 against |H| ≈ 400 there: 2e-6 relative. The rest are
					// smoother; rounding is ~1e-12 relative.
					if math.Abs(got[i]-want) > 1e-5*scale {
						t.Errorf("at (%v, %v), entry %d: got %v, gonum's fd %v", x, y, i, got[i], want)
					}
				}
			}
		})
	}
}

func TestHessianIsSymmetricAndAllocationFree(t *testing.T) {
	p, _ := Lookup("beale")
	// Beale's cross derivative is not symmetric in its finite differences; the mean is.
	hxx, hxy, hyy := p.Hessian(1.3, -0.4)
	if !(hxx == hxx && hxy == hxy && hyy == hyy) {
		t.Fatalf("got NaN in (%v, %v, %v)", hxx, hxy, hyy)
	}
	if allocs := testing.AllocsPerRun(100, func() { p.Hessian(1.3, -0.4) }); allocs != 0 {
		t.Errorf("got %v allocations per Hessian, want 0", allocs)
	}
}
