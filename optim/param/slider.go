package param

import (
	"math"
	"strconv"
)

// SliderSteps is the resolution of every slider; log-scaled parameters spread
// their range over it geometrically.
const SliderSteps = 1000

// SliderPos returns the slider position, 0 to SliderSteps, that shows v.
func (p Param) SliderPos(v float64) int {
	var t float64
	if p.Log && p.Min > 0 {
		t = math.Log(v/p.Min) / math.Log(p.Max/p.Min)
	} else {
		t = (v - p.Min) / (p.Max - p.Min)
	}
	if math.IsNaN(t) {
		t = 0
	}
	return int(math.Round(math.Max(0, math.Min(1, t)) * SliderSteps))
}

// FromSlider returns the value at slider position pos: three significant
// figures (a slider cannot mean more, and links stay short), a whole number for
// an Integer parameter, and always a value Check accepts — the ends are Min and
// Max themselves, not a rounding of them.
func (p Param) FromSlider(pos int) float64 {
	if pos <= 0 {
		return p.Min
	}
	if pos >= SliderSteps {
		return p.Max
	}
	t := float64(pos) / SliderSteps
	var v float64
	if p.Log && p.Min > 0 {
		v = p.Min * math.Pow(p.Max/p.Min, t)
	} else {
		v = p.Min + t*(p.Max-p.Min)
	}
	if p.Integer {
		v = math.Round(v)
	} else if v != 0 {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	}
	return math.Max(p.Min, math.Min(p.Max, v))
}
