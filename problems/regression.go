package problems

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The regression problem's data: n points x ~ U(regressionXMin, regressionXMax) on the
// line y = regressionW·x + regressionB, plus Gaussian noise. The x's are not centred,
// so w and b are correlated and the loss is a tilted valley, as in real data.
const (
	regressionW    = 2
	regressionB    = -1
	regressionXMin = 0
	regressionXMax = 2
	// regressionStream selects the PCG stream, so that the seed alone picks the data.
	regressionStream = 0x5eed_da7a
	// regressionMargin is the space the domain leaves around the origin and the fit.
	regressionMargin = 1.5
)

// Dataset is the data of a dataset problem: points (X[i], Y[i]).
type Dataset struct {
	X, Y []float64
}

// BatchGrad writes into grad the gradient in (w, b) of the regression loss over the
// points idx, (1/|idx|)·Σ (w·x_i + b − y_i)² + lambda·(w² + b²): the mean over the
// batch plus the whole ridge term, so that its mean over random batches is the full
// gradient. It does not allocate. A grad of length other than 2 or an empty idx is a
// programmer error and panics; an index may repeat (sampling with replacement).
func (d *Dataset) BatchGrad(grad []float64, w, b, lambda float64, idx []int) {
	if len(grad) != 2 {
		panic("problems: BatchGrad needs len(grad) == 2")
	}
	if len(idx) == 0 {
		panic("problems: BatchGrad of an empty batch")
	}
	var gw, gb float64
	for _, i := range idx {
		r := w*d.X[i] + b - d.Y[i]
		gw += r * d.X[i]
		gb += r
	}
	k := 2 / float64(len(idx))
	grad[0] = k*gw + 2*lambda*w
	grad[1] = k*gb + 2*lambda*b
}

// regression is the notes' least-squares fit of a line, as a surface over (w, b).
var regression = &Problem{
	Name:  "regression",
	Title: "Line fit (least squares)",
	Shown: "L(w, b) = 1/n·Σ(w·xᵢ + b − yᵢ)² + λ(w² + b²)",
	Description: "The mean squared error of the line y = w·x + b (x here is w, y is b) over noisy points, " +
		"plus ridge λ(w² + b²): the noise is what SGD's minibatches sample, and λ trades variance for bias.",
	Source: "course notes, bias–variance section (OLS and ℓ₂-regularised least squares); " +
		"data x ~ U(0, 2), y = 2x − 1 + σ·N(0, 1), seeded PCG; " +
		"minimum from the 2×2 normal equations, checked against gonum's QR in regression_test.go",
	Scale: Log,
	Params: []Param{
		{Name: "n", Symbol: "n", Default: 100, Min: 2, Max: 10000, Log: true, Integer: true,
			Help: "How many points the loss averages over."},
		{Name: "sigma", Symbol: "σ", Default: 0.5, Min: 0, Max: 5,
			Help: "How far the points scatter around the true line y = 2x − 1."},
		{Name: "lambda", Symbol: "λ", Default: 0, Min: 0, Max: 10,
			Help: "The ridge penalty λ(w² + b²): it pulls the fit towards (0, 0), trading variance for bias."},
		{Name: "seed", Symbol: "seed", Default: 1, Min: 0, Max: 1e6, Integer: true,
			Help: "Which random points: the same seed always draws the same data."},
	},
	derive: deriveRegression,
}

// newDataset draws n points on the line y = regressionW·x + regressionB with noise of
// standard deviation sigma. The draws are PCG output turned into numbers here, not by
// math/rand's helpers, so the data of a seed never changes.
func newDataset(n int, sigma float64, seed uint64) *Dataset {
	src := rand.NewPCG(seed, regressionStream)
	uniform := func() float64 { return float64(src.Uint64()>>11) * 0x1p-53 } // [0, 1)
	d := &Dataset{X: make([]float64, n), Y: make([]float64, n)}
	for i := range n {
		x := regressionXMin + (regressionXMax-regressionXMin)*uniform()
		// Box–Muller: 1 − u is in (0, 1], so the log is finite.
		noise := math.Sqrt(-2*math.Log(1-uniform())) * math.Cos(2*math.Pi*uniform())
		d.X[i], d.Y[i] = x, regressionW*x+regressionB+sigma*noise
	}
	return d
}

// deriveRegression draws the data for vals and writes the loss as a formula in
// x = w and y = b. The loss is quadratic,
//
//	L = A·w² + 2B·w·b + C·b² − 2D·w − 2E·b + F
//
// with A = mean(x²) + λ, B = mean(x), C = 1 + λ, D = mean(x·y), E = mean(y),
// F = mean(y²), so the formula holds six numbers whatever n is, and its minimum solves
// the normal equations [A B; B C]·(w, b) = (D, E).
func deriveRegression(vals map[string]float64, q *Problem) {
	n, lambda := int(vals["n"]), vals["lambda"]
	d := newDataset(n, vals["sigma"], uint64(vals["seed"]))
	var sx, sxx, sy, sxy, syy float64
	for i, x := range d.X {
		y := d.Y[i]
		sx += x
		sxx += x * x
		sy += y
		sxy += x * y
		syy += y * y
	}
	m := float64(n)
	a, b, c := sxx/m+lambda, sx/m, 1+lambda
	dd, e, f := sxy/m, sy/m, syy/m
	q.data = d
	q.Formula = quadraticFormula(a, 2*b, c, -2*dd, -2*e, f)

	det := a*c - b*b // > 0: x's that are not all equal, or λ > 0
	w, bias := (dd*c-b*e)/det, (a*e-b*dd)/det
	q.Minima = []Minimum{{w, bias, f - dd*w - e*bias}} // L at the solution of the normal equations
	q.Start = [2]float64{0, 0}                         // an untrained model
	q.XMin, q.XMax = lowerEdge(min(0, w)), upperEdge(max(0, w))
	q.YMin, q.YMax = lowerEdge(min(0, bias)), upperEdge(max(0, bias))
}

// lowerEdge and upperEdge return the domain's edges around lo and hi: a margin of
// regressionMargin, rounded out to a multiple of 0.5 so that the axes read well.
func lowerEdge(lo float64) float64 { return math.Floor((lo-regressionMargin)*2) / 2 }
func upperEdge(hi float64) float64 { return math.Ceil((hi+regressionMargin)*2) / 2 }

// quadraticFormula writes cxx·x² + cxy·x·y + cyy·y² + cx·x + cy·y + c0 in the expression
// language, every number with all its digits.
func quadraticFormula(cxx, cxy, cyy, cx, cy, c0 float64) string {
	var b strings.Builder
	for i, t := range []struct {
		c    float64
		name string
	}{{cxx, "*x^2"}, {cxy, "*x*y"}, {cyy, "*y^2"}, {cx, "*x"}, {cy, "*y"}, {c0, ""}} {
		num := strconv.FormatFloat(math.Abs(t.c), 'g', -1, 64)
		switch {
		case i == 0 && t.c < 0:
			b.WriteString("-")
		case i > 0 && t.c < 0:
			b.WriteString(" - ")
		case i > 0:
			b.WriteString(" + ")
		}
		fmt.Fprintf(&b, "%s%s", num, t.name)
	}
	return b.String()
}
