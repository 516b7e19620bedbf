package view

import (
	"math"
	"sort"
)

// Levels is the colour scale of the field: a value f is mapped to the level
// l = f (linear) or l = log(f − FMin + Eps) (log). Isolines are drawn every Step
// in l from LMin. The colour of l is its rank among the visible levels: Quantiles
// holds the levels below which 0, 1/16, …, 16/16 of the visible area lies, so the
// palette spreads evenly over whatever the view shows.
type Levels struct {
	Log        bool
	FMin, Eps  float64
	LMin, LMax float64
	Step       float64
	Quantiles  [QuantileCount + 1]float64
}

// QuantileCount is how many equal shares of the visible area the palette is cut in.
const QuantileCount = 16

// isolineCount is how many isolines span the sampled level range.
const isolineCount = 14

// sampleSide is the side of the grid sampled to find the level range.
const sampleSide = 48

// Level returns the level of the value f.
func (lv Levels) Level(f float64) float64 {
	if lv.Log {
		return math.Log(math.Max(f-lv.FMin, 0) + lv.Eps)
	}
	return f
}

// SampleLevels samples f over the view's rectangle and returns the levels that spread
// the palette over what is visible. fmin is the problem's lowest value (the log scale
// is anchored there); logScale chooses the scale. Non-finite samples are skipped.
func SampleLevels(v View, f func(x, y float64) float64, fmin float64, logScale bool) Levels {
	xmin, xmax, ymin, ymax := v.Bounds()
	vals := make([]float64, 0, sampleSide*sampleSide)
	for i := 0; i < sampleSide; i++ {
		for j := 0; j < sampleSide; j++ {
			x := xmin + (xmax-xmin)*(float64(i)+0.5)/sampleSide
			y := ymin + (ymax-ymin)*(float64(j)+0.5)/sampleSide
			if z := f(x, y); !math.IsNaN(z) && !math.IsInf(z, 0) {
				vals = append(vals, z)
			}
		}
	}
	lv := Levels{Log: logScale, FMin: fmin, Eps: 1e-12}
	if len(vals) == 0 {
		lv.LMin, lv.LMax, lv.Step = 0, 1, 1.0/isolineCount
		for i := range lv.Quantiles {
			lv.Quantiles[i] = float64(i) / QuantileCount
		}
		return lv
	}
	sort.Float64s(vals)
	lo, hi := vals[0], vals[len(vals)-1]
	if math.IsNaN(fmin) || math.IsInf(fmin, 0) {
		fmin = lo
	}
	lv.FMin = fmin
	if logScale {
		// ε sets how deep the log reaches below the visible range: a millionth of the
		// visible spread keeps a few isolines around the minimum without a black hole.
		lv.Eps = math.Max((hi-math.Min(lo, fmin))*1e-6, 1e-12)
		lv.LMin, lv.LMax = lv.Level(math.Min(lo, fmin)), lv.Level(hi)
	} else {
		// The top percent is dropped so one steep corner does not flatten the rest.
		lv.LMin, lv.LMax = lo, vals[len(vals)*99/100]
	}
	if !(lv.LMax > lv.LMin) {
		lv.LMax = lv.LMin + 1
	}
	lv.Step = (lv.LMax - lv.LMin) / isolineCount
	for i := range lv.Quantiles {
		lv.Quantiles[i] = lv.Level(vals[min(i*len(vals)/QuantileCount, len(vals)-1)])
	}
	return lv
}
