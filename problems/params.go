package problems

import (
	"fmt"
	"maps"
	"slices"

	"descent/optim/param"
	"descent/problems/expr"
)

// Param describes one parameter of a problem: a name its formula uses, with the
// default and the range that the panel, the URL parser and With all read; see
// package param.
type Param = param.Param

// Errors returned (wrapped) by With, for callers that must tell them apart.
var (
	ErrUnknownParam = param.ErrUnknown
	ErrParamRange   = param.ErrRange
)

// With returns a copy of p built with the given parameter values; a parameter not in
// values keeps its default. The copy keeps p's Name; its formula is parsed anew with
// the values bound, and whatever depends on them (domain, start, minima, data) is
// recomputed. An unknown name, a value outside [Min, Max] (NaN included) or a
// fraction for an Integer parameter is an error wrapping ErrUnknownParam or
// ErrParamRange that names the parameter and its range; p itself never changes.
func (p *Problem) With(values map[string]float64) (*Problem, error) {
	vals, err := p.Params.Full(p.Name, values)
	if err != nil {
		return nil, fmt.Errorf("problems: %w", err)
	}
	q := *p
	q.Minima = slices.Clone(p.Minima)
	if err := q.instantiate(vals); err != nil {
		return nil, err
	}
	return &q, nil
}

// ParamValues returns the parameter values p was built with: the defaults for a
// catalog entry. The map is a fresh copy, empty for a problem without parameters.
func (p *Problem) ParamValues() map[string]float64 {
	if p.values == nil { // a Problem not built by instantiate
		return p.defaults()
	}
	return maps.Clone(p.values)
}

// defaults returns a fresh map of every parameter's default.
func (p *Problem) defaults() map[string]float64 { return p.Params.Defaults() }

// instantiate builds q for the complete, validated parameter values vals: it runs
// derive, then parses Formula with vals bound.
func (q *Problem) instantiate(vals map[string]float64) error {
	q.values = vals
	if q.derive != nil {
		q.derive(vals, q)
	}
	e, err := expr.ParseWith(q.Formula, vals)
	if err != nil {
		return fmt.Errorf("problems: %s: %w", q.Name, err)
	}
	q.Expr = e
	return nil
}
