package view

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveCurve is Curve as it was before it skipped steps: X of every step,
// one point per pixel column and the last point always.
func naiveCurve(c LossChart, losses []float64, first int, x0, y0 float64) []float32 {
	var dst []float32
	lastCol := -1
	for i, l := range losses {
		x := c.X(first + i)
		col := int(x)
		if col == lastCol && i != len(losses)-1 {
			continue
		}
		lastCol = col
		dst = append(dst, float32(x0+x), float32(y0+c.Y(l)))
	}
	return dst
}

// Curve skips the steps that fall in a column it has drawn, and gives exactly
// the points of looking at every step: for charts narrower and wider than the
// steps, curves that start before the chart's first step (the reference path),
// and long runs.
func TestCurveSkipsOnlyDrawnColumns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := 1 + rng.IntN(5000)
		first := rng.IntN(100000)
		lastStep := first + n - 1 + rng.IntN(3)
		if trial%5 == 0 {
			first = 0 // a reference path, from step 0, in a chart that starts later
		}
		losses := make([]float64, n)
		for i := range losses {
			losses[i] = 1 + rng.Float64()*100
		}
		w := float64(1 + rng.IntN(2000))
		c := NewLossChart([][]float64{losses[len(losses)/2:]}, []int{max(first, lastStep-len(losses)/2)}, lastStep, 0, w, 200)
		got := c.Curve(nil, losses, first, 3, 4)
		want := naiveCurve(c, losses, first, 3, 4)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %d losses from step %d, chart %v wide, steps %d–%d: got %d points, want %d",
				trial, n, first, w, c.FirstStep, c.LastStep, len(got)/2, len(want)/2)
		}
	}
}
