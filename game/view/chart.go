package view

import "math"

// LossChart maps loss curves into a box: x is the step, y is log₁₀ of the gap
// between the loss and the problem's lowest value, the scale on which linear
// convergence is a straight line and the notes' "slow progress" shows as a
// shallow slope.
type LossChart struct {
	W, H           float64 // the box, in pixels
	FirstStep      int     // the step at the left edge
	LastStep       int     // the step at the right edge
	Top, Bottom    int     // the decades at the top and bottom edges
	fmin, floorGap float64
}

// maxDecades bounds the chart's height in decades: below that the gap is
// rounding noise.
const maxDecades = 16

// Gaps are the least and the greatest gap l − fmin between a chart's losses
// and the problem's lowest value, over the gaps that are positive and finite:
// what the chart's scale spans. The zero Gaps holds none (Max is 0).
type Gaps struct{ Min, Max float64 }

// add widens g to hold d, a positive finite gap. Plain comparisons, not
// math.Max and Min: Go's wasm makes those calls, and Add runs for every loss
// it reads.
func (g *Gaps) add(d float64) {
	if g.Max == 0 || d < g.Min {
		g.Min = d
	}
	if d > g.Max {
		g.Max = d
	}
}

// Add widens g to the gaps of losses.
func (g *Gaps) Add(losses []float64, fmin float64) {
	for _, l := range losses {
		if d := l - fmin; d > 0 && d <= math.MaxFloat64 {
			g.add(d)
		}
	}
}

// AddRun is Add for a run of losses whose least and greatest finite losses
// are lo and hi (+Inf and -Inf when it has none), as a race's trail keeps them
// (race.Runner.LossRuns): where every finite loss of the run lies above fmin,
// those two settle its gaps (subtracting fmin keeps their order), and the run
// is not read.
func (g *Gaps) AddRun(losses []float64, lo, hi, fmin float64) {
	if !(lo > fmin) || hi-fmin > math.MaxFloat64 {
		g.Add(losses, fmin)
		return
	}
	if d := lo - fmin; d <= math.MaxFloat64 { // not for a run of no finite loss: +Inf
		g.add(d)
		g.add(hi - fmin)
	}
}

// NewLossChart fits a w×h chart to curves, each a run of losses whose first
// entry is the loss after firsts[i] steps, on a problem whose lowest value is
// fmin. lastStep is the race's current step.
func NewLossChart(curves [][]float64, firsts []int, lastStep int, fmin, w, h float64) LossChart {
	var g Gaps
	for _, curve := range curves {
		g.Add(curve, fmin)
	}
	return LossChartWith(g, curves, firsts, lastStep, fmin, w, h)
}

// LossChartWith is NewLossChart for curves whose gaps g are known: a race's
// trails keep the range of each block of their losses, so a frame need not
// read every loss to scale the chart (in wasm, that read was the largest part
// of the stress race's Frame).
func LossChartWith(g Gaps, curves [][]float64, firsts []int, lastStep int, fmin, w, h float64) LossChart {
	c := LossChart{W: w, H: h, LastStep: max(lastStep, 1), fmin: fmin}
	c.FirstStep = c.LastStep
	for i, curve := range curves {
		if len(curve) > 0 {
			c.FirstStep = min(c.FirstStep, firsts[i])
		}
	}
	// The extremes of the gaps first, and their logarithms after: log₁₀ is
	// increasing, and thousands of logarithms a frame are not free in wasm.
	hi, lo := 1.0, 0.0
	if g.Max > 0 {
		hi, lo = math.Log10(g.Max), math.Log10(g.Min)
	}
	c.Top = int(math.Ceil(hi))
	c.Bottom = max(int(math.Floor(lo)), c.Top-maxDecades)
	if c.Bottom >= c.Top {
		c.Bottom = c.Top - 1
	}
	if c.FirstStep >= c.LastStep {
		c.FirstStep = c.LastStep - 1
	}
	c.floorGap = math.Pow(10, float64(c.Bottom))
	return c
}

// Y returns the height in the box (0 at the top) of the loss l.
func (c LossChart) Y(l float64) float64 {
	g := l - c.fmin
	if !(g > c.floorGap) { // also catches NaN
		g = c.floorGap
	}
	t := (log10(g) - float64(c.Bottom)) / float64(c.Top-c.Bottom)
	if t > 1 { // a comparison, not math.Min: that is a call in wasm
		t = 1
	}
	return c.H * (1 - t)
}

// log10 is math.Log10 to within 1e-11, without its calls: wasm has no
// logarithm instruction, and Go's math.Log is a polynomial behind a call to
// Frexp. The loss chart takes a logarithm for every point of every curve,
// every frame (2,400 on the stress race's chart), and this made them 1.7×
// faster in wasm. Zero, subnormal, infinite and NaN gaps go to math.Log10.
func log10(g float64) float64 {
	b := math.Float64bits(g)
	e := int(b>>52) & 0x7ff
	if e == 0 || e == 0x7ff || b>>63 != 0 {
		return math.Log10(g)
	}
	m := math.Float64frombits(b&^(0x7ff<<52) | 1023<<52) // g = m·2^(e−1023), m in [1, 2)
	if m > math.Sqrt2 {
		m /= 2
		e++
	}
	// ln m = 2 atanh s, s = (m−1)/(m+1), |s| < 0.172: the series' next term is
	// below 2e-11, and 1e-11 once divided by ln 10.
	s := (m - 1) / (m + 1)
	s2 := s * s
	ln := float64(e-1023)*math.Ln2 + 2*s*(1+s2*(1.0/3+s2*(1.0/5+s2*(1.0/7+s2*(1.0/9+s2*(1.0/11))))))
	return ln * (1 / math.Ln10)
}

// X returns the position in the box of the step. Curve writes it out, its
// span converted once: through X, or a helper taking the span, Curve was
// 1.2–1.6× slower in wasm.
func (c LossChart) X(step int) float64 {
	return c.W * float64(step-c.FirstStep) / float64(c.LastStep-c.FirstStep)
}

// Curve appends to dst the screen points (x, y pairs, offset by x0, y0) of a
// curve whose first loss is at step first, one point per pixel column at most.
func (c LossChart) Curve(dst []float32, losses []float64, first int, x0, y0 float64) []float32 {
	lastCol := -1
	span := float64(c.LastStep - c.FirstStep)
	perCol := span / c.W // steps a pixel column
	for i := 0; i < len(losses); i++ {
		x := c.W * float64(first+i-c.FirstStep) / span // X(first+i), written out (see X)
		col := int(x)
		if col == lastCol && i != len(losses)-1 {
			continue
		}
		lastCol = col
		dst = append(dst, float32(x0+x), float32(y0+c.Y(losses[i])))
		// The steps left in this column need not be looked at: X(step) < col+1
		// below step FirstStep + (col+1)·perCol. Two short of it, for rounding.
		if x >= 0 && perCol > 0 && perCol < math.MaxInt32 {
			if next := min(c.FirstStep+int(float64(col+1)*perCol)-first-2, len(losses)-1); next > i+1 {
				i = next - 1
			}
		}
	}
	return dst
}
