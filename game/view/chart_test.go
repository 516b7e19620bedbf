package view

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestLossChartScales(t *testing.T) {
	// Two curves on a problem whose minimum value is 0: from 100 down to 1e-4.
	a := []float64{100, 10, 0.1}  // from step 0
	b := []float64{1, 0.01, 1e-4} // from step 5
	c := NewLossChart([][]float64{a, b}, []int{0, 5}, 7, 0, 200, 100)
	if c.Top != 2 || c.Bottom != -4 {
		t.Errorf("decades %d to %d, want 2 to -4", c.Top, c.Bottom)
	}
	if c.FirstStep != 0 || c.LastStep != 7 {
		t.Errorf("steps %d to %d, want 0 to 7", c.FirstStep, c.LastStep)
	}
	if y := c.Y(100); math.Abs(y) > 1e-9 {
		t.Errorf("Y of the top gap = %g, want 0", y)
	}
	if y := c.Y(1e-4); math.Abs(y-100) > 1e-9 {
		t.Errorf("Y of the bottom gap = %g, want 100", y)
	}
	if y := c.Y(0); math.Abs(y-100) > 1e-9 {
		t.Errorf("Y at the minimum itself = %g, want the bottom edge 100", y)
	}
	if x := c.X(7); x != 200 {
		t.Errorf("X of the last step = %g, want 200", x)
	}
	pts := c.Curve(nil, b, 5, 10, 20)
	if len(pts) != 6 || pts[0] != float32(10+c.X(5)) || pts[1] != float32(20+c.Y(1)) {
		t.Errorf("Curve = %v", pts)
	}
}

func TestLossChartBoundsTheDecades(t *testing.T) {
	c := NewLossChart([][]float64{{1e3, 1e-30}}, []int{0}, 1, 0, 100, 50)
	if c.Top-c.Bottom != maxDecades {
		t.Errorf("%d decades shown, want at most %d", c.Top-c.Bottom, maxDecades)
	}
	empty := NewLossChart(nil, nil, 0, 0, 100, 50)
	if !(empty.Top > empty.Bottom) || !(empty.LastStep > empty.FirstStep) {
		t.Errorf("chart of nothing: %+v", empty)
	}
}

func TestCurveKeepsOnePointPerColumn(t *testing.T) {
	losses := make([]float64, 1000)
	for i := range losses {
		losses[i] = 1 / float64(i+1)
	}
	c := NewLossChart([][]float64{losses}, []int{0}, 999, 0, 50, 50)
	if pts := c.Curve(nil, losses, 0, 0, 0); len(pts)/2 > 52 {
		t.Errorf("%d points for a 50-pixel-wide chart", len(pts)/2)
	}
}

// log10 is math.Log10 to within 1e-11 over every magnitude a float64 has,
// subnormals, zero, infinities and NaN included.
func TestLog10(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	gs := []float64{1, 2, 10, math.Sqrt2, math.Nextafter(math.Sqrt2, 3), 0.1, math.MaxFloat64, math.SmallestNonzeroFloat64,
		0x1p-1022, 5e-310, 0, math.Inf(1), -1}
	for range 100000 {
		gs = append(gs, math.Exp(rng.Float64()*1400-700), 1+rng.Float64())
	}
	for _, g := range gs {
		got, want := log10(g), math.Log10(g)
		if !(math.Abs(got-want) <= 1e-11) && got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("log10(%g) = %v, want %v", g, got, want)
		}
	}
	if !math.IsNaN(log10(math.NaN())) {
		t.Errorf("log10(NaN) = %v, want NaN", log10(math.NaN()))
	}
}

// AddRun gives the gaps Add gives, reading a run's range instead of the run
// where that settles them: runs above fmin, through it, touching it, below it,
// of no finite loss, and near overflow.
func TestAddRunAsAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64, 0}
	for trial := range 20000 {
		run := make([]float64, 1+rng.IntN(64))
		for i := range run {
			run[i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(6)))
			if rng.IntN(10) == 0 {
				run[i] = specials[rng.IntN(len(specials))]
			}
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, l := range run {
			if l-l == 0 {
				lo, hi = min(lo, l), max(hi, l)
			}
		}
		fmins := []float64{0, lo, hi, lo - 1, -math.MaxFloat64, run[rng.IntN(len(run))], rng.NormFloat64()}
		fmin := fmins[trial%len(fmins)]
		var start Gaps
		if trial%3 == 0 {
			start.Min = rng.Float64()
			start.Max = start.Min + 10*rng.Float64()
		}
		want, got := start, start
		want.Add(run, fmin)
		got.AddRun(run, lo, hi, fmin)
		if got != want {
			t.Fatalf("run %v, fmin %v: AddRun gives %+v, Add %+v", run, fmin, got, want)
		}
	}
}
