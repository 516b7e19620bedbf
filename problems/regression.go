package problems

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// The regression problem's default data: n points x ~ U(regressionXMin, regressionXMax)
// on the line y = regressionW·x + regressionB, plus Gaussian noise (the design
// DesignUniform, rows [x, 1]). The x's are not centred, so w and b are correlated and
// the loss is a tilted valley, as in real data.
const (
	regressionW    = 2
	regressionB    = -1
	regressionXMin = 0
	regressionXMax = 2
	// regressionStream selects the PCG stream, so that the seed alone picks the data.
	regressionStream = 0x5eed_da7a
	// regressionMargin is the space the domain leaves around the origin and the fit.
	regressionMargin = 1.5
	// diagonalScale is the second column's entry in DesignDiagonal's odd rows.
	diagonalScale = 0.5
)

// Design is how the n×2 design matrix X of a regression dataset is laid out; its
// rows xᵢ are the inputs and the targets are yᵢ = xᵢᵀθ + σ·εᵢ.
type Design int

const (
	// DesignUniform has rows [xᵢ, 1], xᵢ ~ U(0, 2): a line y = w·x + b fitted to
	// points that are not centred. The regression problem's default.
	DesignUniform Design = iota
	// DesignLine has rows [1, tᵢ], tᵢ evenly spread over [−1, 1] (ends included): an
	// intercept and a slope, with XᵀX = diag(n, Σtᵢ²) up to rounding.
	DesignLine
	// DesignDiagonal has rows [1, 0] (even i) and [0, ½] (odd i): XᵀX is exactly
	// diagonal, diag(⌈n/2⌉, ⌊n/2⌋/4), the course notes' simplification (Problem 2).
	DesignDiagonal
	// DesignRandom has rows of independent standard Gaussians, drawn from the seed.
	DesignRandom
	numDesigns
)

var designNames = [numDesigns]string{"uniform", "line", "diagonal", "random"}

// DesignNames returns the designs' names, in order.
func DesignNames() []string { return slices.Clone(designNames[:]) }

func (d Design) String() string {
	if d < 0 || d >= numDesigns {
		return fmt.Sprintf("Design(%d)", int(d))
	}
	return designNames[d]
}

// ParseDesign returns the design named name ("uniform", "line", "diagonal", "random").
func ParseDesign(name string) (Design, error) {
	for d, s := range designNames {
		if s == name {
			return Design(d), nil
		}
	}
	return 0, fmt.Errorf("problems: no design %q (known: %s)", name, strings.Join(DesignNames(), ", "))
}

// designHelp lists the designs by number, for the regression's design parameter.
// It runs as the program starts (the catalog is a package variable), so not
// through fmt: a Stringer formatted by fmt was 9 ms of a first visit's start,
// V8 compiling fmt's reflection paths for it.
func designHelp() string {
	parts := make([]string, numDesigns)
	for d := range numDesigns {
		parts[d] = strconv.Itoa(int(d)) + " " + d.String()
	}
	return "How the inputs are laid out: " + strings.Join(parts, ", ") + "."
}

// Draws turns PCG output into numbers here, not through math/rand's helpers, so that
// the numbers of a seed never change with the Go version.
type Draws struct{ src *rand.PCG }

// NewDraws returns the draws of PCG stream (seed, stream).
func NewDraws(seed, stream uint64) Draws { return Draws{rand.NewPCG(seed, stream)} }

// Uniform returns a number uniform in [0, 1) from 53 bits of one PCG output.
func (d Draws) Uniform() float64 { return float64(d.src.Uint64()>>11) * 0x1p-53 }

// Normal returns a standard Gaussian by Box–Muller from two uniforms: 1 − u is in
// (0, 1], so the log is finite.
func (d Draws) Normal() float64 {
	return math.Sqrt(-2*math.Log(1-d.Uniform())) * math.Cos(2*math.Pi*d.Uniform())
}

// DrawData draws the design's n rows and the standard Gaussian noise εᵢ of each, from
// PCG stream (seed, regressionStream), row by row: the row's inputs (if the design
// draws any), then its noise. It is the one generator of the regression problem's
// data and of the bias–variance scene's dataset. n < 1 or an unknown design panics.
func DrawData(d Design, n int, seed uint64) (x [][2]float64, noise []float64) {
	if n < 1 || d < 0 || d >= numDesigns {
		panic(fmt.Sprintf("problems: DrawData(%v, %d): want a known design and n ≥ 1", d, n))
	}
	r := NewDraws(seed, regressionStream)
	x, noise = make([][2]float64, n), make([]float64, n)
	for i := range n {
		switch d {
		case DesignUniform:
			x[i] = [2]float64{regressionXMin + (regressionXMax-regressionXMin)*r.Uniform(), 1}
		case DesignLine:
			t := 0.0 // n = 1: the single point at the centre
			if n > 1 {
				t = -1 + 2*float64(i)/float64(n-1)
			}
			x[i] = [2]float64{1, t}
		case DesignDiagonal:
			x[i] = [2]float64{1, 0}
			if i%2 == 1 {
				x[i] = [2]float64{0, diagonalScale}
			}
		case DesignRandom:
			x[i][0] = r.Normal()
			x[i][1] = r.Normal()
		}
		noise[i] = r.Normal()
	}
	return x, noise
}

// NewDataset draws a dataset: DrawData's design and noise, with targets
// yᵢ = θ₁xᵢ₁ + θ₂xᵢ₂ + σ·εᵢ.
func NewDataset(d Design, n int, theta [2]float64, sigma float64, seed uint64) *Dataset {
	x, noise := DrawData(d, n, seed)
	y := make([]float64, n)
	for i, xi := range x {
		y[i] = theta[0]*xi[0] + theta[1]*xi[1] + sigma*noise[i]
	}
	return &Dataset{X: x, Y: y}
}

// Dataset is the data of a dataset problem: inputs X[i] (the rows of the design
// matrix) and targets Y[i].
type Dataset struct {
	X [][2]float64
	Y []float64
}

// BatchGrad writes into grad the gradient in θ = (w, b) of the regression loss over
// the points idx, (1/|idx|)·Σ (xᵢᵀθ − yᵢ)² + lambda·(w² + b²): the mean over the batch
// plus the whole ridge term, so that its mean over random batches is the full
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
		x := d.X[i]
		r := w*x[0] + b*x[1] - d.Y[i]
		gw += r * x[0]
		gb += r * x[1]
	}
	k := 2 / float64(len(idx))
	grad[0] = k*gw + 2*lambda*w
	grad[1] = k*gb + 2*lambda*b
}

// Shown formulas of the regression loss: the line fit's, and the general design's.
const (
	shownLine    = "L(w, b) = 1/n·Σ(w·xᵢ + b − yᵢ)² + λ(w² + b²)"
	shownGeneral = "L(θ₁, θ₂) = 1/n·Σ(θ₁·xᵢ₁ + θ₂·xᵢ₂ − yᵢ)² + λ(θ₁² + θ₂²)"
)

// regression is the notes' least-squares fit of a line, as a surface over (w, b).
var regression = &Problem{
	Name:  "regression",
	Title: "Line fit (least squares)",
	Shown: shownLine,
	Description: "The mean squared error of the line y = w·x + b (x here is w, y is b) over noisy points, " +
		"plus ridge λ(w² + b²): the noise is what SGD's minibatches sample, and λ trades variance for bias.",
	Source: "course notes, bias–variance section (OLS and ℓ₂-regularised least squares); " +
		"data x ~ U(0, 2), y = 2x − 1 + σ·N(0, 1), seeded PCG (other designs: problems.DrawData); " +
		"minimum from the 2×2 normal equations, checked against gonum's QR in regression_test.go",
	Scale: Log,
	Params: []Param{
		{Name: "n", Symbol: "n", Default: 100, Min: 2, Max: 10000, Log: true, Integer: true,
			Help: "How many points the loss averages over."},
		{Name: "sigma", Symbol: "σ", Default: 0.5, Min: 0, Max: 5,
			Help: "How far the points scatter around the true line (y = 2x − 1 unless θ₁, θ₂ say otherwise)."},
		{Name: "lambda", Symbol: "λ", Default: 0, Min: 0, Max: 10,
			Help: "The ridge penalty λ(w² + b²): it pulls the fit towards (0, 0), trading variance for bias."},
		{Name: "seed", Symbol: "seed", Default: 1, Min: 0, Max: 1e6, Integer: true,
			Help: "Which random points: the same seed always draws the same data."},
		{Name: "design", Symbol: "design", Default: float64(DesignUniform), Min: 0, Max: float64(numDesigns - 1), Integer: true,
			Help: designHelp()},
		{Name: "theta1", Symbol: "θ₁", Default: regressionW, Min: -5, Max: 5,
			Help: "The true coefficient of the first input: the slope w of the line y = w·x + b."},
		{Name: "theta2", Symbol: "θ₂", Default: regressionB, Min: -5, Max: 5,
			Help: "The true coefficient of the second input: the intercept b of the line y = w·x + b."},
	},
	derive: deriveRegression,
}

// deriveRegression draws the data for vals and writes the loss as a formula in
// x = θ₁ (w) and y = θ₂ (b). The loss is quadratic,
//
//	L = A·x² + 2B·x·y + C·y² − 2D·x − 2E·y + F
//
// with A = mean(xᵢ₁²) + λ, B = mean(xᵢ₁xᵢ₂), C = mean(xᵢ₂²) + λ, D = mean(xᵢ₁yᵢ),
// E = mean(xᵢ₂yᵢ), F = mean(yᵢ²) (for the line fit xᵢ₂ = 1, so B = mean(x) and
// C = 1 + λ), so the formula holds six numbers whatever n is, and its minimum solves
// the normal equations [A B; B C]·(x, y) = (D, E).
func deriveRegression(vals map[string]float64, q *Problem) {
	n, lambda := int(vals["n"]), vals["lambda"]
	design := Design(vals["design"])
	d := NewDataset(design, n, [2]float64{vals["theta1"], vals["theta2"]}, vals["sigma"], uint64(vals["seed"]))
	var s11, s12, s22, s1y, s2y, syy float64
	for i, x := range d.X {
		y := d.Y[i]
		s11 += x[0] * x[0]
		s12 += x[0] * x[1]
		s22 += x[1] * x[1]
		s1y += x[0] * y
		s2y += x[1] * y
		syy += y * y
	}
	m := float64(n)
	a, b, c := s11/m+lambda, s12/m, s22/m+lambda
	dd, e, f := s1y/m, s2y/m, syy/m
	q.data = d
	q.Formula = quadraticFormula(a, 2*b, c, -2*dd, -2*e, f)
	if design != DesignUniform {
		q.Shown = shownGeneral
		q.Description = "The mean squared error of the linear model y = θ₁·x₁ + θ₂·x₂ (x here is θ₁, y is θ₂) over noisy " +
			"data of the " + design.String() + " design, plus ridge λ(θ₁² + θ₂²): the bias–variance scene's dataset."
	}

	det := a*c - b*b // > 0: a design of full rank, or λ > 0
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
