package problems

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// nonSmooth are minima at which f has no Hessian, so Newton's method does not apply:
// Ackley's global minimum is the tip of a cone, sqrt(x² + y²).
var nonSmooth = map[string]bool{"ackley": true}

// hessianSettings are central differences with step 1e-4: second differences of f
// lose ~ε·|f|/h² ≈ 2e-8·|f| to rounding and gain ~h²·|f⁗| ≈ 1e-8·|f⁗| of truncation
// error, both far below the Hessians here (gonum's default, a forward step of ~1.5e-8,
// would lose everything to rounding).
var hessianSettings = &fd.Settings{Formula: fd.Central, Step: 1e-4}

// hessian returns the finite-difference Hessian [[a, b], [b, d]] of p at (x, y).
func hessian(p *Problem, x, y float64) (a, b, d float64) {
	var h mat.SymDense
	fd.Hessian(&h, func(v []float64) float64 { return p.Value(v[0], v[1]) }, []float64{x, y}, hessianSettings)
	return h.At(0, 0), h.At(0, 1), h.At(1, 1)
}

// TestMinimaByNewton starts Newton's method (exact gradient, finite-difference
// Hessian) from every listed minimum rounded to 3 decimals, fewer digits than the
// sources quote, and checks that it returns to the table's point to 1e-9 and that the
// Hessian there is positive definite, so the point is a minimum and not a saddle.
// This is how the tables of three-hump camel, six-hump camel, Styblinski–Tang and the
// Gaussian wells were computed, and it keeps them honest.
func TestMinimaByNewton(t *testing.T) {
	for _, in := range instances(t) {
		p := in.p
		if nonSmooth[p.Name] {
			continue
		}
		t.Run(in.name, func(t *testing.T) {
			for _, m := range p.Minima {
				x0, y0 := math.Round(m.X*1e3)/1e3, math.Round(m.Y*1e3)/1e3
				x, y := x0, y0
				// The finite-difference Hessian is good to ~1e-7 relative, so each step
				// cuts the error by about that much: 10 steps are plenty.
				for range 10 {
					gx, gy := p.Grad(x, y)
					a, b, d := hessian(p, x, y)
					det := a*d - b*b
					x -= (d*gx - b*gy) / det
					y -= (a*gy - b*gx) / det
				}
				if math.Abs(x-m.X) > 1e-9 || math.Abs(y-m.Y) > 1e-9 {
					t.Errorf("Newton from (%v, %v): got (%v, %v), table has (%v, %v)", x0, y0, x, y, m.X, m.Y)
				}
				if a, b, d := hessian(p, m.X, m.Y); !(a > 0 && a*d-b*b > 0) {
					t.Errorf("Hessian at (%v, %v): got [[%v, %v], [%v, %v]], want positive definite", m.X, m.Y, a, b, b, d)
				}
			}
		})
	}
}

// TestNonSmoothMinima checks the minima Newton cannot: f rises in every direction.
func TestNonSmoothMinima(t *testing.T) {
	for name := range nonSmooth {
		p, _ := Lookup(name)
		for _, m := range p.Minima {
			for k := range 16 {
				angle := 2 * math.Pi * float64(k) / 16
				x, y := m.X+1e-3*math.Cos(angle), m.Y+1e-3*math.Sin(angle)
				if v := p.Value(x, y); !(v > m.Value) {
					t.Errorf("%s: f(%v, %v) = %v, want above the minimum %v", name, x, y, v, m.Value)
				}
			}
		}
	}
}

// TestHimmelblauMinimaByNewton refines each listed Himmelblau minimum with Newton's
// method on the hand-derived gradient and Hessian, and checks the table to 1e-9.
func TestHimmelblauMinimaByNewton(t *testing.T) {
	grad := func(x, y float64) (float64, float64) {
		return 4*x*(x*x+y-11) + 2*(x+y*y-7), 2*(x*x+y-11) + 4*y*(x+y*y-7)
	}
	hess := func(x, y float64) (a, b, d float64) {
		return 12*x*x + 4*y - 42, 4*x + 4*y, 4*x + 12*y*y - 26
	}
	p, _ := Lookup("himmelblau")
	for _, m := range p.Minima {
		// Start from the six-digit values usually quoted, to show the table is not circular.
		x0, y0 := math.Round(m.X*1e6)/1e6, math.Round(m.Y*1e6)/1e6
		x, y := x0, y0
		for range 20 {
			gx, gy := grad(x, y)
			a, b, d := hess(x, y)
			det := a*d - b*b
			x -= (d*gx - b*gy) / det
			y -= (a*gy - b*gx) / det
		}
		if math.Abs(x-m.X) > 1e-9 || math.Abs(y-m.Y) > 1e-9 {
			t.Errorf("Newton from (%v, %v): got (%v, %v), table has (%v, %v)", x0, y0, x, y, m.X, m.Y)
		}
	}
}

// TestQuotedMinima checks the tables against the values the sources print, to the
// digits they print.
func TestQuotedMinima(t *testing.T) {
	tests := []struct {
		name    string
		i       int     // index in Minima
		x, y, v float64 // as printed
		digits  float64 // absolute precision of the print
		source  string
	}{
		{"six-hump-camel", 0, 0.0898, -0.7126, -1.0316, 1e-4, "Surjanovic & Bingham"},
		{"six-hump-camel", 1, -0.0898, 0.7126, -1.0316, 1e-4, "Surjanovic & Bingham"},
		{"styblinski-tang", 0, -2.903534, -2.903534, -78.33234, 1e-5, "Surjanovic & Bingham: −39.16599·d, d = 2"},
		{"mccormick", 0, -0.54719, -1.54719, -1.9133, 1e-4, "Jamil & Yang no. 69"},
		{"goldstein-price", 0, 0, -1, 3, 0, "Goldstein & Price"},
		{"booth", 0, 1, 3, 0, 0, "Jamil & Yang no. 24"},
		{"three-hump-camel", 0, 0, 0, 0, 0, "Jamil & Yang no. 29"},
	}
	for _, tt := range tests {
		p, _ := Lookup(tt.name)
		m := p.Minima[tt.i]
		if math.Abs(m.X-tt.x) > tt.digits || math.Abs(m.Y-tt.y) > tt.digits || math.Abs(m.Value-tt.v) > tt.digits {
			t.Errorf("%s minimum %d: got (%v, %v) f = %v, %s prints (%v, %v) f = %v",
				tt.name, tt.i, m.X, m.Y, m.Value, tt.source, tt.x, tt.y, tt.v)
		}
	}
}
