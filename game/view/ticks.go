package view

import (
	"fmt"
	"math"
	"strconv"
)

// Tick is one numbered mark on an axis.
type Tick struct {
	Value float64 // world coordinate: the float64 nearest the decimal Label
	Label string  // the value in as few digits as the tick spacing needs: "0.3", "-1.5", "2e+06"
}

// Ticks returns the marks of an axis showing the world interval [lo, hi] over
// pixels pixels: every multiple of the smallest "nice" spacing (1, 2 or 5
// times a power of ten) that leaves at least minGap pixels between neighbours.
// Each value is computed from its decimal, not by adding up steps, and labelled
// with the spacing's decimals ("0.30", not "0.30000000000000004"); beyond a
// million or below a millionth labels switch to exponent form. An empty or
// non-finite interval, or no pixels, gives no ticks. It panics if minGap is not
// positive: a programmer error.
func Ticks(lo, hi, pixels, minGap float64) []Tick {
	if !(minGap > 0) {
		panic(fmt.Sprintf("view: Ticks with a gap of %v pixels, want a positive gap", minGap))
	}
	if !(hi > lo) || !(pixels > 0) || math.IsInf(hi-lo, 0) || math.IsInf(pixels, 0) {
		return nil
	}
	mant, exp := niceStep(minGap * (hi - lo) / pixels)
	step := decimal(int64(mant), exp)
	first, last := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	if last-first > 1e4 { // cannot happen with minGap > 0 pixels apart on a real screen
		panic(fmt.Sprintf("view: Ticks over [%v, %v] would make %v ticks", lo, hi, last-first+1))
	}
	var ticks []Tick
	for i := int64(first); i <= int64(last); i++ {
		v := decimal(i*int64(mant), exp)
		ticks = append(ticks, Tick{Value: v, Label: tickLabel(v, exp)})
	}
	return ticks
}

// XTicks returns Ticks along the view's x axis, across its width.
func (v View) XTicks(minGap float64) []Tick {
	xmin, xmax, _, _ := v.Bounds()
	return Ticks(xmin, xmax, float64(v.W), minGap)
}

// YTicks returns Ticks along the view's y axis, down its height.
func (v View) YTicks(minGap float64) []Tick {
	_, _, ymin, ymax := v.Bounds()
	return Ticks(ymin, ymax, float64(v.H), minGap)
}

// niceStep returns the smallest mant·10^exp ≥ raw with mant 1, 2 or 5.
func niceStep(raw float64) (mant, exp int) {
	exp = int(math.Floor(math.Log10(raw)))
	for {
		for _, m := range []int{1, 2, 5} {
			if decimal(int64(m), exp) >= raw*(1-1e-12) {
				return m, exp
			}
		}
		exp++
	}
}

// decimal returns the float64 nearest n·10^exp: one multiplication or division
// by a power of ten, which float64 holds exactly up to 10²², rounds once.
func decimal(n int64, exp int) float64 {
	if exp < 0 {
		return float64(n) / math.Pow10(-exp)
	}
	return float64(n) * math.Pow10(exp)
}

// tickLabel writes v, a multiple of a spacing 10^exp-sized, with exp's decimals.
func tickLabel(v float64, exp int) string {
	if exp < -6 || exp >= 6 || math.Abs(v) >= 1e6 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', max(0, -exp), 64)
}
