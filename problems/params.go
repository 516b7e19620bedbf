package problems

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"descent/problems/expr"
)

// Param describes one parameter of a problem: a name its formula uses, with the
// default and the range that the panel, the URL parser and With all read from here.
type Param struct {
	Name    string // URL and JS key, and the name in Formula: "a1", "kappa", "sigma"
	Symbol  string // display symbol, e.g. "a₁", "κ"
	Help    string // one plain-language sentence for a learner
	Default float64
	Min     float64 // With accepts values in [Min, Max]
	Max     float64
	Log     bool // a slider should be log-scaled
	Integer bool // only whole numbers are accepted: a slider steps by 1
}

// Errors returned (wrapped) by With, for callers that must tell them apart.
var (
	ErrUnknownParam = errors.New("unknown parameter")
	ErrParamRange   = errors.New("parameter out of range")
)

// With returns a copy of p built with the given parameter values; a parameter not in
// values keeps its default. The copy keeps p's Name; its formula is parsed anew with
// the values bound, and whatever depends on them (domain, start, minima, data) is
// recomputed. An unknown name, a value outside [Min, Max] (NaN included) or a
// fraction for an Integer parameter is an error wrapping ErrUnknownParam or
// ErrParamRange that names the parameter and its range; p itself never changes.
func (p *Problem) With(values map[string]float64) (*Problem, error) {
	vals := p.defaults()
	for _, name := range slices.Sorted(maps.Keys(values)) { // the same error every time
		v := values[name]
		i := slices.IndexFunc(p.Params, func(prm Param) bool { return prm.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("problems: %w %q for %s (valid: %s)", ErrUnknownParam, name, p.Name, p.paramNames())
		}
		prm := p.Params[i]
		if !(prm.Min <= v && v <= prm.Max) {
			return nil, fmt.Errorf("problems: %w: %s %s = %v, want a value in [%v, %v]", ErrParamRange, p.Name, name, v, prm.Min, prm.Max)
		}
		if prm.Integer && v != math.Trunc(v) {
			return nil, fmt.Errorf("problems: %w: %s %s = %v, want a whole number in [%v, %v]", ErrParamRange, p.Name, name, v, prm.Min, prm.Max)
		}
		vals[name] = v
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
func (p *Problem) defaults() map[string]float64 {
	vals := make(map[string]float64, len(p.Params))
	for _, prm := range p.Params {
		vals[prm.Name] = prm.Default
	}
	return vals
}

// paramNames lists the parameters' names for error messages.
func (p *Problem) paramNames() string {
	if len(p.Params) == 0 {
		return "it has none"
	}
	names := make([]string, len(p.Params))
	for i, prm := range p.Params {
		names[i] = prm.Name
	}
	return strings.Join(names, ", ")
}

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
