package view

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
)

// Stop is one mark of the field's colour legend: a value of f and the colour
// the field paints it.
type Stop struct {
	Value float64
	Color color.RGBA
	Label string // Value to three significant digits
}

// Value returns the value f whose level is l: Level's inverse.
func (lv Levels) Value(l float64) float64 {
	if lv.Log {
		return math.Exp(l) - lv.Eps + lv.FMin
	}
	return l
}

// Legend returns n+1 stops evenly spaced in colour, from the lowest visible
// colour to the highest: stop k has the colour of rank k/n in the viridis
// map, whose lightness rises evenly, and the value of f the field paints in
// it. Since the field colours by rank, the values crowd where most of the
// view lies. It panics if n < 1.
func (lv Levels) Legend(n int) []Stop {
	if n < 1 {
		panic(fmt.Sprintf("view: Legend(%d), want at least one interval", n))
	}
	stops := make([]Stop, n+1)
	for k := range stops {
		rank := float64(k) / float64(n)
		v := lv.Value(lv.levelAtRank(rank))
		stops[k] = Stop{Value: v, Color: Viridis(rank), Label: strconv.FormatFloat(v, 'g', 3, 64)}
	}
	return stops
}

// levelAtRank is Rank's inverse: the level below which the share rank of the
// sampled view lies, read off the quantiles piecewise linearly.
func (lv Levels) levelAtRank(rank float64) float64 {
	x := math.Max(0, math.Min(1, rank)) * QuantileCount
	i := min(int(x), QuantileCount-1)
	q := lv.Quantiles
	return q[i] + (x-float64(i))*(q[i+1]-q[i])
}
