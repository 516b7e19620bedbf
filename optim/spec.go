package optim

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Param describes one tunable number of an optimizer: the panel's slider,
// the URL key and the range New accepts all come from it.
type Param struct {
	Name     string // URL and JS key: "lr", "m", "beta", "beta1", "beta2", "eps"
	Symbol   string // display symbol, e.g. "α"
	Help     string // one plain-language sentence for a learner
	Default  float64
	Min, Max float64 // New accepts values in [Min, Max]
	Log      bool    // a slider should be log-scaled
}

// Spec describes one optimizer.
type Spec struct {
	Name    string // registry key: "gd", "momentum", "adagrad", "rmsprop", "adam"
	Display string // name shown to people
	Rule    string // the update rule in plain text
	Help    string // one sentence
	Params  []Param
}

// Errors returned (wrapped) by New, for callers that must tell them apart.
var (
	ErrUnknownOptimizer = errors.New("unknown optimizer")
	ErrUnknownParam     = errors.New("unknown parameter")
	ErrParamRange       = errors.New("parameter out of range")
)

// learningRate and epsilon are shared by several optimizers; their ranges are
// written here once.
func learningRate(def float64) Param {
	return Param{Name: "lr", Symbol: "α", Default: def, Min: 1e-4, Max: 10, Log: true,
		Help: "How far each step goes; too large and the runner overshoots or flies off."}
}

func epsilon() Param {
	return Param{Name: "eps", Symbol: "ε", Default: 1e-8, Min: 1e-12, Max: 1, Log: true,
		Help: "A tiny number that keeps the step finite when the gradients are near zero."}
}

// entry is one optimizer in the registry: its spec and its constructor, which
// receives a complete, validated parameter map.
type entry struct {
	spec  Spec
	build func(p map[string]float64) Optimizer
}

// registry is the single source of truth for every optimizer: its
// description, its parameters with defaults and ranges, and its constructor.
var registry = []entry{
	{
		spec: Spec{
			Name: "gd", Display: "Gradient descent",
			Rule:   "θ -= α·∇L",
			Help:   "Steps straight downhill by the same fraction of the gradient every time.",
			Params: []Param{learningRate(0.05)},
		},
		build: func(p map[string]float64) Optimizer { return &GD{LearningRate: p["lr"]} },
	},
	{
		spec: Spec{
			Name: "momentum", Display: "Momentum",
			Rule: "v = m·v + ∇L; θ -= α·v",
			Help: "Rolls like a heavy ball: past gradients keep pushing, so steady slopes speed it up and zig-zags cancel out.",
			Params: []Param{
				learningRate(0.02),
				{Name: "m", Symbol: "m", Default: 0.9, Min: 0, Max: 0.999,
					Help: "How much of the previous velocity carries into each step; 0 is plain gradient descent."},
			},
		},
		build: func(p map[string]float64) Optimizer { return &Momentum{LearningRate: p["lr"], M: p["m"]} },
	},
	{
		spec: Spec{
			Name: "adagrad", Display: "Adagrad",
			Rule: "s += β·∇L²; θ -= α/√(s+ε)·∇L",
			Help: "Gives each direction its own step size, shrinking it by the sum of every squared gradient seen so far.",
			Params: []Param{
				learningRate(0.5),
				{Name: "beta", Symbol: "β", Default: 1, Min: 1e-3, Max: 100, Log: true,
					Help: "How much each squared gradient adds to the sum that shrinks the steps."},
				epsilon(),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &Adagrad{LearningRate: p["lr"], Beta: p["beta"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "rmsprop", Display: "RMSProp",
			Rule: "s = β·s + (1−β)·∇L²; θ -= α/√(s+ε)·∇L",
			Help: "Like Adagrad, but divides by a running average of squared gradients, so steps can grow again.",
			Params: []Param{
				learningRate(0.05),
				{Name: "beta", Symbol: "β", Default: 0.9, Min: 0, Max: 0.9999,
					Help: "How slowly the average of squared gradients forgets; closer to 1 means a longer memory."},
				epsilon(),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &RMSProp{LearningRate: p["lr"], Beta: p["beta"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "adam", Display: "Adam",
			Rule: "m = β₁·m + (1−β₁)·∇L; v = β₂·v + (1−β₂)·∇L²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); θ -= α·m̂/(√v̂+ε)",
			Help: "Momentum plus RMSProp's per-direction scaling, corrected so the first steps are not too small.",
			Params: []Param{
				learningRate(0.1),
				{Name: "beta1", Symbol: "β₁", Default: 0.9, Min: 0, Max: 0.9999,
					Help: "How slowly the average of gradients, the momentum, forgets."},
				{Name: "beta2", Symbol: "β₂", Default: 0.999, Min: 0, Max: 0.99999,
					Help: "How slowly the average of squared gradients, the step scale, forgets."},
				epsilon(),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &Adam{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"]}
		},
	},
}

// Specs returns every optimizer's spec in registry order. The result is a
// copy: changing it does not change the registry.
func Specs() []Spec {
	specs := make([]Spec, len(registry))
	for i, r := range registry {
		specs[i] = r.spec.clone()
	}
	return specs
}

// Lookup returns a copy of the spec of the optimizer called name.
func Lookup(name string) (Spec, bool) {
	e, ok := find(name)
	return e.spec.clone(), ok
}

func find(name string) (entry, bool) {
	for _, e := range registry {
		if e.spec.Name == name {
			return e, true
		}
	}
	return entry{}, false
}

func (s Spec) clone() Spec {
	s.Params = slices.Clone(s.Params)
	return s
}

// Defaults returns a new map from each parameter's name to its default.
func (s Spec) Defaults() map[string]float64 {
	defaults := make(map[string]float64, len(s.Params))
	for _, p := range s.Params {
		defaults[p.Name] = p.Default
	}
	return defaults
}

// Param returns the parameter called name.
func (s Spec) Param(name string) (Param, bool) {
	for _, p := range s.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

func (s Spec) paramNames() string {
	names := make([]string, len(s.Params))
	for i, p := range s.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// New returns the optimizer called name with the given parameters; missing
// parameters take their defaults and params is not modified. Unknown names,
// unknown parameters and values outside a parameter's [Min, Max] (NaN and
// ±Inf included) are errors wrapping ErrUnknownOptimizer, ErrUnknownParam or
// ErrParamRange.
func New(name string, params map[string]float64) (Optimizer, error) {
	e, ok := find(name)
	if !ok {
		known := make([]string, len(registry))
		for j, r := range registry {
			known[j] = r.spec.Name
		}
		return nil, fmt.Errorf("optim: %w %q (known: %s)", ErrUnknownOptimizer, name, strings.Join(known, ", "))
	}
	spec := e.spec
	for _, key := range slices.Sorted(maps.Keys(params)) { // sorted so the first error reported is deterministic
		if _, ok := spec.Param(key); !ok {
			return nil, fmt.Errorf("optim: %w %q for %s (valid: %s)", ErrUnknownParam, key, name, spec.paramNames())
		}
	}
	full := spec.Defaults()
	for _, p := range spec.Params {
		v, ok := params[p.Name]
		if !ok {
			continue
		}
		if math.IsNaN(v) || v < p.Min || v > p.Max { // ±Inf fail the range test
			return nil, fmt.Errorf("optim: %w: %s %s = %v, want a value in [%v, %v]", ErrParamRange, name, p.Name, v, p.Min, p.Max)
		}
		full[p.Name] = v
	}
	return e.build(full), nil
}
