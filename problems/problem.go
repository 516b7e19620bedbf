// Package problems is the catalog of objectives the optimizers race on.
//
// Each built-in is one formula in the expression language of package expr plus
// metadata (domain, start, minima, level scale, source). The same parsed formula gives
// the value and exact gradient on the CPU and the Kage source of the field shader, so no
// formula is written twice. A problem may have parameters (Params), named in its
// formula and bound by With; a dataset problem also gives its data for minibatches.
package problems

import (
	"fmt"
	"math"

	"descent/optim/param"
	"descent/problems/expr"
)

// Scale is how the field shades levels of f.
type Scale int

const (
	// Linear shades by f itself.
	Linear Scale = iota
	// Log shades by log(f − fmin + ε), for surfaces whose range spans decades.
	Log
)

func (s Scale) String() string {
	switch s {
	case Linear:
		return "linear"
	case Log:
		return "log"
	}
	return fmt.Sprintf("Scale(%d)", int(s))
}

// Minimum is a known local or global minimum of a problem.
type Minimum struct {
	X, Y, Value float64
}

// Problem is an objective f(x, y) with what the app needs to show and race on it.
type Problem struct {
	Name        string // key in the URL
	Title       string // display name
	Formula     string // expression source: the single definition of f, naming its Params
	Shown       string // the formula as a learner reads it, where Formula is generated (regression's sums); "" means Formula
	Description string // one line a learner understands
	Source      string // where the formula and minima come from

	XMin, XMax, YMin, YMax float64 // domain shown by default

	Start  [2]float64 // default start of every runner
	Minima []Minimum  // every known minimum, global and local
	Scale  Scale      // how the field shades levels

	// Params are the problem's parameters, named in Formula; With binds other values.
	Params param.List

	Expr *expr.Expr // Formula, parsed with the parameter values bound

	values map[string]float64 // the parameter values Expr was built with
	// derive, when set, recomputes from the parameter values whatever depends on them
	// besides Expr (description, domain, start, minima, data, even Formula); it runs
	// before Formula is parsed.
	derive func(vals map[string]float64, q *Problem)
	data   *Dataset // the data of a dataset problem, nil for a formula problem
}

// Value returns f(x, y).
func (p *Problem) Value(x, y float64) float64 { return p.Expr.Eval(x, y) }

// Grad returns the exact gradient of f at (x, y).
func (p *Problem) Grad(x, y float64) (gx, gy float64) { return p.Expr.Grad(x, y) }

// ValueGrad returns f(x, y) and its exact gradient in one pass: the numbers
// of Value and Grad, for half the work.
func (p *Problem) ValueGrad(x, y float64) (v, gx, gy float64) { return p.Expr.ValueGrad(x, y) }

// Data returns the dataset of a dataset problem, which the runners may sample in
// minibatches (Dataset.BatchGrad), or nil for a formula problem. The dataset is shared
// and must not be modified.
func (p *Problem) Data() *Dataset { return p.data }

// Bounds returns the default domain.
func (p *Problem) Bounds() (xmin, xmax, ymin, ymax float64) {
	return p.XMin, p.XMax, p.YMin, p.YMax
}

// sampleSize is the number of grid points per axis MinValue samples when no minimum is
// listed.
const sampleSize = 64

// MinValue returns the lowest listed minimum value or, for a problem without listed
// minima, the lowest finite value on a 64×64 grid over the domain (edges included).
// It returns NaN when no sample is finite.
func (p *Problem) MinValue() float64 {
	if len(p.Minima) > 0 {
		lowest := p.Minima[0].Value
		for _, m := range p.Minima[1:] {
			lowest = math.Min(lowest, m.Value)
		}
		return lowest
	}
	lowest := math.Inf(1)
	for i := range sampleSize {
		x := p.XMin + (p.XMax-p.XMin)*float64(i)/(sampleSize-1)
		for j := range sampleSize {
			y := p.YMin + (p.YMax-p.YMin)*float64(j)/(sampleSize-1)
			if v := p.Value(x, y); v < lowest && !math.IsInf(v, -1) {
				lowest = v
			}
		}
	}
	if math.IsInf(lowest, 1) {
		return math.NaN()
	}
	return lowest
}

// Custom returns a problem for a formula the user typed. A formula that does not parse
// gives an error wrapping the *expr.SyntaxError, so its offset stays available.
func Custom(src string) (*Problem, error) {
	e, err := expr.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("problems: custom formula: %w", err)
	}
	return &Problem{
		Name:        "custom",
		Title:       "Custom: " + src,
		Formula:     src,
		Description: "A formula you entered.",
		Source:      "entered by the user",
		XMin:        -5, XMax: 5, YMin: -5, YMax: 5,
		Start: [2]float64{-4, 4},
		Scale: Linear,
		Expr:  e,
	}, nil
}
