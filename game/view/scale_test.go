package view

import (
	"math"
	"testing"
)

// TestLegendNamesTheFieldsColours: each stop's value is painted in the stop's
// colour (the field colours f by Rank(Level(f)), as Palette does), and the
// values rise with the colours.
func TestLegendNamesTheFieldsColours(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 400, 300)
	quad := func(x, y float64) float64 { return 0.1*x*x + 10*y*y } // the notes' ill-conditioned quadratic
	for _, logScale := range []bool{false, true} {
		lv := SampleLevels(v, quad, 0, logScale)
		stops := lv.Legend(4)
		if len(stops) != 5 {
			t.Fatalf("log %v: got %d stops, want 5", logScale, len(stops))
		}
		for k, s := range stops {
			rank := lv.Rank(lv.Level(s.Value))
			if want := float64(k) / 4; math.Abs(rank-want) > 1e-9 {
				t.Errorf("log %v stop %d: value %v has rank %v, want %v", logScale, k, s.Value, rank, want)
			}
			if s.Color != Viridis(float64(k)/4) {
				t.Errorf("log %v stop %d: colour %v, want viridis(%v) %v", logScale, k, s.Color, float64(k)/4, Viridis(float64(k)/4))
			}
			if k > 0 && !(s.Value > stops[k-1].Value) {
				t.Errorf("log %v stop %d: value %v after %v, want rising", logScale, k, s.Value, stops[k-1].Value)
			}
		}
		// The lowest stop is the lowest sample: f ≥ 0, near 0 at the view's centre.
		if s := stops[0]; s.Value < -1e-9 || s.Value > 0.1 {
			t.Errorf("log %v: lowest stop %v, want a value in [0, 0.1]", logScale, s.Value)
		}
	}
}

func TestLevelValueInvertsLevel(t *testing.T) {
	for _, lv := range []Levels{{Log: true, FMin: -1.5, Eps: 1e-6}, {Log: false}} {
		for _, f := range []float64{-1.5, -1, 0, 3.25, 1e4} {
			if got := lv.Value(lv.Level(f)); math.Abs(got-f) > 1e-9*math.Max(1, math.Abs(f)) {
				t.Errorf("%+v: Value(Level(%v)) = %v", lv, f, got)
			}
		}
	}
}

// TestViridisIsPerceptuallyOrdered: the field's colour map rises in lightness
// L* at an even pace, so equal steps in colour read as equal steps in value
// (what makes viridis perceptually uniform; van der Walt & Smith, 2015).
func TestViridisIsPerceptuallyOrdered(t *testing.T) {
	const n = 16
	var prev float64
	var steps []float64
	for k := 0; k <= n; k++ {
		c := Viridis(float64(k) / n)
		l := lab([3]float64{srgbToLinear(c.R), srgbToLinear(c.G), srgbToLinear(c.B)})[0]
		if k > 0 {
			steps = append(steps, l-prev)
		}
		prev = l
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range steps {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	// Viridis rises from L* ≈ 16 to 92, about 4.7 per sixteenth; the published map
	// keeps every step within a factor 1.5 of every other (the fit: 4.2 to 5.4).
	t.Logf("L* steps from %.2f to %.2f", lo, hi)
	if lo <= 0 || hi/lo > 1.5 {
		t.Errorf("L* steps from %.2f to %.2f, want all positive and within a factor 1.5", lo, hi)
	}
}
