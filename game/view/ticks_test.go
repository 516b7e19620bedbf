package view

import (
	"strconv"
	"strings"
	"testing"
)

func TestTicks(t *testing.T) {
	tests := []struct {
		name           string
		lo, hi, pixels float64
		gap            float64
		want           string // labels, space-separated
	}{
		// 10 units over 500 px at ≥ 80 px apart: 1.6 units at least, so 2.
		{"domain", -5, 5, 500, 80, "-4 -2 0 2 4"},
		{"negative zero", -0.5, 0.5, 100, 20, "-0.4 -0.2 0.0 0.2 0.4"},
		// 0.09 units over 300 px at ≥ 50 px: 0.015 at least, so 0.02, two decimals.
		{"tenths", 0.21, 0.3, 300, 50, "0.22 0.24 0.26 0.28 0.30"},
		// The ends are ticks when they fall on the spacing.
		{"ends", 0, 1, 100, 20, "0.0 0.2 0.4 0.6 0.8 1.0"},
		// 1 unit at ≥ 100 px over 1000 px: spacing 0.1, exact 5 and 10 multiples.
		{"fives", 0.95, 1.25, 300, 100, "1.0 1.1 1.2"},
		{"large", 0, 5e6, 500, 100, "0 1e+06 2e+06 3e+06 4e+06 5e+06"},
		{"small", 1e-7, 5e-7, 400, 100, "1e-07 2e-07 3e-07 4e-07 5e-07"},
		// Zoomed near x = 1000 at the limit of float32 in the shader; the span
		// 0.0003 is not exact in float64, so the gap is not set at its edge.
		{"offset", 1000.0001, 1000.0004, 300, 90, "1000.0001 1000.0002 1000.0003 1000.0004"},
		{"empty", 1, 1, 300, 100, ""},
		{"reversed", 2, 1, 300, 100, ""},
		{"no pixels", 0, 1, 0, 100, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ticks := Ticks(tc.lo, tc.hi, tc.pixels, tc.gap)
			labels := make([]string, len(ticks))
			for i, tk := range ticks {
				labels[i] = tk.Label
				// The value is the double nearest the label's decimal, without binary noise.
				if v, err := strconv.ParseFloat(tk.Label, 64); err != nil || v != tk.Value {
					t.Errorf("tick %d: label %q reads as %v, want its value %v", i, tk.Label, v, tk.Value)
				}
				if tk.Value < tc.lo-1e-9*(tc.hi-tc.lo) || tk.Value > tc.hi+1e-9*(tc.hi-tc.lo) {
					t.Errorf("tick %d: %v outside [%v, %v]", i, tk.Value, tc.lo, tc.hi)
				}
				if i > 0 {
					if gap := (tk.Value - ticks[i-1].Value) / (tc.hi - tc.lo) * tc.pixels; gap < tc.gap*(1-1e-9) {
						t.Errorf("ticks %d and %d: %.1f px apart, want at least %v", i-1, i, gap, tc.gap)
					}
				}
			}
			if got := strings.Join(labels, " "); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTicksAreTheSmallestNiceSpacing: halving to the next smaller 1-2-5 spacing
// would bring ticks closer than the gap.
func TestTicksAreTheSmallestNiceSpacing(t *testing.T) {
	for _, span := range []float64{0.003, 0.7, 1, 9.9, 10, 10.1, 42, 1234} {
		for _, gap := range []float64{40, 64, 100} {
			ticks := Ticks(0, span, 800, gap)
			if len(ticks) < 2 {
				t.Errorf("span %v gap %v: %d ticks, want at least 2", span, gap, len(ticks))
				continue
			}
			step := ticks[1].Value - ticks[0].Value
			smaller := map[byte]float64{'1': 0.5, '2': 0.5, '5': 0.4}[strconv.FormatFloat(step, 'e', 0, 64)[0]]
			if px := step * smaller / span * 800; px >= gap*(1+1e-9) {
				t.Errorf("span %v gap %v: spacing %v, but %v would leave %.1f px ≥ %v", span, gap, step, step*smaller, px, gap)
			}
		}
	}
}

func TestViewTicks(t *testing.T) {
	v := FitExact(-2, 2, -1, 3, 400, 400)
	xs, ys := v.XTicks(80), v.YTicks(80)
	if len(xs) != 5 || xs[0].Value != -2 || xs[4].Value != 2 || len(ys) != 5 || ys[0].Value != -1 || ys[4].Value != 3 {
		t.Errorf("x %v, y %v, want -2…2 and -1…3 by 1: 4 units over 400 px at ≥ 80 px", xs, ys)
	}
}

func TestTicksPanicsOnANonPositiveGap(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("no panic for a gap of 0")
		}
	}()
	Ticks(0, 1, 100, 0)
}
