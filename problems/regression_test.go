package problems

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// regressionVariants are the regression's parameter sets the tests below run over.
var regressionVariants = []map[string]float64{
	nil, // the defaults
	{"n": 2, "seed": 7},
	{"n": 10000, "sigma": 5},
	{"lambda": 10},
	{"lambda": 0.3, "sigma": 2, "n": 37, "seed": 123456},
	{"sigma": 0},
	{"design": float64(DesignLine), "n": 5, "theta1": -1, "theta2": 2},
	{"design": float64(DesignDiagonal), "lambda": 0.1, "sigma": 3},
	{"design": float64(DesignRandom), "n": 3, "seed": 99},
	{"design": float64(DesignRandom), "n": 500, "lambda": 2, "theta1": 5, "theta2": -5},
}

func regressionWith(t *testing.T, vals map[string]float64) *Problem {
	t.Helper()
	base, _ := Lookup("regression")
	p, err := base.With(vals)
	if err != nil {
		t.Fatalf("With(%v): %v", vals, err)
	}
	return p
}

// TestRegressionMinimumAgainstQR solves the ridge problem independently of the
// package's normal equations: min (1/n)‖Xθ − y‖² + λ‖θ‖² (X = [x 1] for the line) is the least
// squares solution of [X; √(nλ)·I]·θ = [y; 0], which gonum solves by QR.
func TestRegressionMinimumAgainstQR(t *testing.T) {
	for _, vals := range regressionVariants {
		p := regressionWith(t, vals)
		d := p.Data()
		n, lambda := len(d.X), p.ParamValues()["lambda"]
		a := mat.NewDense(n+2, 2, nil)
		b := mat.NewDense(n+2, 1, nil)
		for i := range n {
			a.Set(i, 0, d.X[i][0])
			a.Set(i, 1, d.X[i][1])
			b.Set(i, 0, d.Y[i])
		}
		r := math.Sqrt(float64(n) * lambda)
		a.Set(n, 0, r)
		a.Set(n+1, 1, r)
		var theta mat.Dense
		if err := theta.Solve(a, b); err != nil {
			t.Fatalf("%v: %v", vals, err)
		}
		w, bias := theta.At(0, 0), theta.At(1, 0)
		var loss float64
		for i := range n {
			e := w*d.X[i][0] + bias*d.X[i][1] - d.Y[i]
			loss += e * e
		}
		loss = loss/float64(n) + lambda*(w*w+bias*bias)

		if len(p.Minima) != 1 {
			t.Fatalf("%v: got %d minima, want 1 (the loss is a convex quadratic)", vals, len(p.Minima))
		}
		// Both solve a 2×2 system with condition number ≲ 1e3 from sums of ≤ 1e4 terms.
		m := p.Minima[0]
		if math.Abs(m.X-w) > 1e-9 || math.Abs(m.Y-bias) > 1e-9 || math.Abs(m.Value-loss) > 1e-9*math.Max(1, loss) {
			t.Errorf("%v: got minimum (%v, %v) L = %v, QR gives (%v, %v) L = %v", vals, m.X, m.Y, m.Value, w, bias, loss)
		}
	}
}

func TestBatchGradOverAllIsGrad(t *testing.T) {
	for _, vals := range regressionVariants {
		p := regressionWith(t, vals)
		d, lambda := p.Data(), p.ParamValues()["lambda"]
		all := make([]int, len(d.X))
		for i := range all {
			all[i] = i
		}
		grad := make([]float64, 2)
		for _, o := range offsets {
			w, b := p.XMin+o[0]*(p.XMax-p.XMin), p.YMin+o[1]*(p.YMax-p.YMin)
			d.BatchGrad(grad, w, b, lambda, all)
			gw, gb := p.Grad(w, b)
			// The same sums in another order: rounding only, relative to |∇L| ≲ 1e3.
			if math.Abs(grad[0]-gw) > 1e-9*math.Max(1, math.Abs(gw)) || math.Abs(grad[1]-gb) > 1e-9*math.Max(1, math.Abs(gb)) {
				t.Errorf("%v at (%v, %v): got (%v, %v), the formula's gradient is (%v, %v)", vals, w, b, grad[0], grad[1], gw, gb)
			}
		}
	}
}

// TestBatchGradIsUnbiased averages the gradient of many random minibatches (indices
// drawn uniformly with replacement) and compares it to the full gradient. Each batch
// gradient is a mean of m i.i.d. per-point gradients g_i, so the average of K of them
// has standard deviation sd(g_i)/√(mK); 5 of those bound a fluke at ~6e-7 (two-sided),
// and the seed makes the test deterministic anyway.
func TestBatchGradIsUnbiased(t *testing.T) {
	const batches, size = 4000, 8
	p := regressionWith(t, map[string]float64{"lambda": 0.5, "sigma": 1})
	d, lambda := p.Data(), p.ParamValues()["lambda"]
	w, b := 0.3, 0.7 // away from the minimum, where the per-point gradients disagree most
	n := len(d.X)

	// Per-point gradients, for their standard deviation.
	var sw, sb, sww, sbb float64
	one := make([]float64, 2)
	for i := range n {
		d.BatchGrad(one, w, b, lambda, []int{i})
		sw, sb = sw+one[0], sb+one[1]
		sww, sbb = sww+one[0]*one[0], sbb+one[1]*one[1]
	}
	sdW := math.Sqrt(sww/float64(n) - (sw/float64(n))*(sw/float64(n)))
	sdB := math.Sqrt(sbb/float64(n) - (sb/float64(n))*(sb/float64(n)))

	rng := rand.New(rand.NewPCG(1, 2))
	idx := make([]int, size)
	grad := make([]float64, 2)
	var meanW, meanB float64
	for range batches {
		for j := range idx {
			idx[j] = rng.IntN(n)
		}
		d.BatchGrad(grad, w, b, lambda, idx)
		meanW += grad[0] / batches
		meanB += grad[1] / batches
	}
	gw, gb := p.Grad(w, b)
	se := 1 / math.Sqrt(batches*size)
	if math.Abs(meanW-gw) > 5*sdW*se || math.Abs(meanB-gb) > 5*sdB*se {
		t.Errorf("mean of %d batches of %d: got (%v, %v), full gradient (%v, %v), allowed 5 standard errors (%v, %v)",
			batches, size, meanW, meanB, gw, gb, 5*sdW*se, 5*sdB*se)
	}
}

func TestBatchGradDoesNotAllocate(t *testing.T) {
	d := regressionWith(t, nil).Data()
	grad := make([]float64, 2)
	idx := []int{3, 1, 4, 1, 5}
	if allocs := testing.AllocsPerRun(100, func() { d.BatchGrad(grad, 0.5, -0.5, 0.1, idx) }); allocs != 0 {
		t.Errorf("got %v allocations per BatchGrad, want 0", allocs)
	}
}

func TestBatchGradPanics(t *testing.T) {
	d := regressionWith(t, nil).Data()
	for name, call := range map[string]func(){
		"short grad":  func() { d.BatchGrad(make([]float64, 1), 0, 0, 0, []int{0}) },
		"empty batch": func() { d.BatchGrad(make([]float64, 2), 0, 0, 0, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("got no panic, want one (a programmer error)")
				}
			}()
			call()
		})
	}
}

func TestRegressionDataset(t *testing.T) {
	a := regressionWith(t, map[string]float64{"seed": 3})
	b := regressionWith(t, map[string]float64{"seed": 3})
	c := regressionWith(t, map[string]float64{"seed": 4})
	if !slices.Equal(a.Data().X, b.Data().X) || !slices.Equal(a.Data().Y, b.Data().Y) || a.Formula != b.Formula {
		t.Error("seed 3 twice: got different data, want the same")
	}
	if slices.Equal(a.Data().X, c.Data().X) {
		t.Error("seeds 3 and 4: got the same data, want different")
	}
	if p := regressionWith(t, nil); len(p.Data().X) != 100 || len(p.Data().Y) != 100 {
		t.Errorf("default n: got %d points, want 100", len(p.Data().X))
	}

	// The data follow y = 2x − 1 with x in [0, 2): with 10000 points the OLS slope's
	// standard error is σ/(√n·sd(x)) = 0.5/(100·0.577) ≈ 0.0087, the intercept's about
	// twice that; 5 standard errors allowed.
	p := regressionWith(t, map[string]float64{"n": 10000})
	for _, x := range p.Data().X {
		if x[0] < 0 || x[0] >= 2 || x[1] != 1 {
			t.Fatalf("row %v, want [x, 1] with x in [0, 2)", x)
		}
	}
	if m := p.Minima[0]; math.Abs(m.X-2) > 5*0.0087 || math.Abs(m.Y+1) > 5*2*0.0087 {
		t.Errorf("fit of 10000 points: got (%v, %v), want near (2, −1)", m.X, m.Y)
	}
	// Without noise the fit is exact and the loss at it is zero (rounding aside).
	if m := regressionWith(t, map[string]float64{"sigma": 0}).Minima[0]; math.Abs(m.X-2) > 1e-12 || math.Abs(m.Y+1) > 1e-12 || math.Abs(m.Value) > 1e-12 {
		t.Errorf("σ = 0: got minimum (%v, %v) L = %v, want (2, −1) L = 0", m.X, m.Y, m.Value)
	}
}

func TestDataOfCustom(t *testing.T) {
	c, _ := Custom("x")
	if c.Data() != nil {
		t.Error("Custom: got data, want nil")
	}
}

func TestQuadraticFormula(t *testing.T) {
	tests := []struct {
		c    [6]float64
		want string
	}{
		{[6]float64{1, 2, 3, 4, 5, 6}, "1*x^2 + 2*x*y + 3*y^2 + 4*x + 5*y + 6"},
		{[6]float64{-0.1, -2, 3, -4e-20, 0, -1.0 / 3}, "-0.1*x^2 - 2*x*y + 3*y^2 - 4e-20*x + 0*y - 0.3333333333333333"},
	}
	for _, tt := range tests {
		if got := quadraticFormula(tt.c[0], tt.c[1], tt.c[2], tt.c[3], tt.c[4], tt.c[5]); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// TestDesigns checks each design's layout as its doc states it.
func TestDesigns(t *testing.T) {
	for d := range numDesigns {
		got, err := ParseDesign(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDesign(%q): got %v, %v; want %v", d.String(), got, err, d)
		}
	}
	if _, err := ParseDesign("spiral"); err == nil {
		t.Error(`ParseDesign("spiral"): got no error, want one`)
	}
	for _, n := range []int{2, 7, 10} {
		x, noise := DrawData(DesignLine, n, 1)
		if len(noise) != n || x[0] != [2]float64{1, -1} || x[n-1] != [2]float64{1, 1} {
			t.Errorf("line, n = %d: got first row %v, last %v; want [1, −1] and [1, 1]", n, x[0], x[n-1])
		}
		x, _ = DrawData(DesignDiagonal, n, 1)
		var a11, a12, a22 float64
		for _, r := range x {
			a11, a12, a22 = a11+r[0]*r[0], a12+r[0]*r[1], a22+r[1]*r[1]
		}
		// ⌈n/2⌉ rows [1, 0] and ⌊n/2⌋ rows [0, ½], exactly.
		if a12 != 0 || a11 != float64((n+1)/2) || a22 != float64(n/2)/4 {
			t.Errorf("diagonal, n = %d: got XᵀX = [%v %v; %v %v], want diag(%d, %v)", n, a11, a12, a12, a22, (n+1)/2, float64(n/2)/4)
		}
	}
	// The same seed draws the same design and noise; another seed does not.
	a, na := DrawData(DesignRandom, 20, 5)
	b, nb := DrawData(DesignRandom, 20, 5)
	c, _ := DrawData(DesignRandom, 20, 6)
	if !slices.Equal(a, b) || !slices.Equal(na, nb) || slices.Equal(a, c) {
		t.Error("random design: want the same rows for seed 5 twice and others for seed 6")
	}
}

// TestDrawsMoments checks the generator's numbers against their distributions:
// Uniform's mean 1/2 and variance 1/12, Normal's mean 0, variance 1 and fourth
// moment 3. With N draws the standard errors are √(1/12/N), √((1/80 − 1/144)/N),
// √(1/N), √(2/N) and √(96/N) (Var u² = 1/80 − 1/144; Var z² = 2; Var z⁴ = 105 − 9);
// 4 of them allowed.
func TestDrawsMoments(t *testing.T) {
	const n = 200_000
	d := NewDraws(1, regressionStream)
	var su, suu, sz, szz, sz4 float64
	for range n {
		u := d.Uniform()
		if u < 0 || u >= 1 {
			t.Fatalf("Uniform gave %v, want [0, 1)", u)
		}
		z := d.Normal()
		su, suu = su+u, suu+u*u
		sz, szz, sz4 = sz+z, szz+z*z, sz4+z*z*z*z
	}
	mu, vu := su/n, suu/n-(su/n)*(su/n)
	for _, c := range []struct {
		name          string
		got, want, se float64
	}{
		{"uniform mean", mu, 0.5, math.Sqrt(1.0 / 12 / n)},
		{"uniform variance", vu, 1.0 / 12, math.Sqrt((1.0/80 - 1.0/144) / n)},
		{"normal mean", sz / n, 0, math.Sqrt(1.0 / n)},
		{"normal variance", szz / n, 1, math.Sqrt(2.0 / n)},
		{"normal fourth moment", sz4 / n, 3, math.Sqrt(96.0 / n)},
	} {
		if math.Abs(c.got-c.want) > 4*c.se {
			t.Errorf("%s: got %v, want %v within 4 standard errors (%v)", c.name, c.got, c.want, 4*c.se)
		}
	}
}
