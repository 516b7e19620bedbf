package optim

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"descent/optim/param"
)

// Param describes one tunable number of an optimizer; see package param.
type Param = param.Param

// Spec describes one optimizer.
type Spec struct {
	Name    string // registry key: "gd", "momentum", "adam", …; see Specs
	Display string // name shown to people
	Rule    string // the update rule in plain text
	Help    string // one sentence
	Params  param.List
}

// Errors returned (wrapped) by New, for callers that must tell them apart.
var (
	ErrUnknownOptimizer = errors.New("unknown optimizer")
	ErrUnknownParam     = param.ErrUnknown
	ErrParamRange       = param.ErrRange
)

// learningRate and epsilon are shared by several optimizers; their ranges are
// written here once.
func learningRate(def float64) Param {
	return Param{Name: "lr", Symbol: "α", Default: def, Min: 1e-6, Max: 10, Log: true,
		Help: "How far each step goes; too large and the runner overshoots or flies off."}
}

func epsilon(def float64) Param {
	return Param{Name: "eps", Symbol: "ε", Default: def, Min: 1e-12, Max: 1, Log: true,
		Help: "A tiny number that keeps the step finite when the gradients are near zero."}
}

// momentum, beta1, beta2 and weightDecay are the other parameters several
// optimizers share, ranges included; an optimizer in which a parameter plays
// a slightly different part keeps the range and rewords the Help (withHelp).
func momentum(def float64) Param {
	return Param{Name: "m", Symbol: "m", Default: def, Min: 0, Max: 0.999,
		Help: "How much of the previous velocity carries into each step; 0 is plain gradient descent."}
}

func beta1(def float64) Param {
	return Param{Name: "beta1", Symbol: "β₁", Default: def, Min: 0, Max: 0.9999,
		Help: "How slowly the average of gradients, the momentum, forgets."}
}

func beta2(def float64) Param {
	return Param{Name: "beta2", Symbol: "β₂", Default: def, Min: 0, Max: 0.99999,
		Help: "How slowly the average of squared gradients, the step scale, forgets."}
}

func weightDecay(def float64) Param {
	return Param{Name: "wd", Symbol: "λ", Default: def, Min: 0, Max: 1,
		Help: "How strongly every step also pulls each coordinate towards zero, whatever the gradient; 0 turns it off."}
}

// adamParams are the parameters of Adam and of the variants that share its
// defaults: α = 0.1 (for surfaces a few units wide; the paper's 0.001 would
// crawl), β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
func adamParams() []Param {
	return []Param{learningRate(0.1), beta1(0.9), beta2(0.999), epsilon(1e-8)}
}

// withHelp returns p with a Help sentence that fits one optimizer better.
func withHelp(p Param, help string) Param {
	p.Help = help
	return p
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
			Name: "sgd", Display: "SGD",
			Rule: "θ -= α·ĝ, ĝ = ∇L over a random minibatch (or ∇L + σ·noise)",
			Help: "Gradient descent on a noisy gradient: the mean over a few random data points where the problem has data, the exact gradient plus random noise where it has a formula.",
			Params: []Param{
				learningRate(0.05), // gd's, so the two can be compared side by side
				{Name: "batch", Symbol: "B", Default: 8, Min: 1, Max: 1000, Log: true, Integer: true,
					Help: "On problems with data: how many random points each step averages the gradient over; more points, less noise."},
				{Name: "sigma", Symbol: "σ", Default: 1, Min: 0, Max: 100,
					Help: "On formula problems, which have no data: how much random noise is added to each coordinate of the gradient."},
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &SGD{LearningRate: p["lr"], Batch: int(p["batch"]), Sigma: p["sigma"]}
		},
	},
	{
		spec: Spec{
			Name: "momentum", Display: "Momentum",
			Rule: "v = m·v + ∇L; θ -= α·v",
			Help: "Rolls like a heavy ball: past gradients keep pushing, so steady slopes speed it up and zig-zags cancel out.",
			Params: []Param{
				learningRate(0.02),
				momentum(0.9),
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
				epsilon(1e-8),
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
				epsilon(1e-8),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &RMSProp{LearningRate: p["lr"], Beta: p["beta"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "adam", Display: "Adam",
			Rule:   "m = β₁·m + (1−β₁)·∇L; v = β₂·v + (1−β₂)·∇L²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); θ -= α·m̂/(√v̂+ε)",
			Help:   "Momentum plus RMSProp's per-direction scaling, corrected so the first steps are not too small.",
			Params: adamParams(),
		},
		build: func(p map[string]float64) Optimizer {
			return &Adam{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "nesterov", Display: "Nesterov momentum",
			Rule: "v = m·v + ∇L; θ -= α·(∇L + m·v)",
			Help: "Momentum that looks ahead: each step already counts the push the velocity is about to give, so it brakes sooner and overshoots less.",
			Params: []Param{
				learningRate(0.02), // momentum's, so the two can be compared side by side
				momentum(0.9),
			},
		},
		build: func(p map[string]float64) Optimizer { return &Nesterov{LearningRate: p["lr"], M: p["m"]} },
	},
	{
		spec: Spec{
			Name: "adadelta", Display: "Adadelta",
			Rule: "s = ρ·s + (1−ρ)·∇L²; Δ = −√(d+ε)/√(s+ε)·∇L; d = ρ·d + (1−ρ)·Δ²; θ += α·Δ",
			Help: "Like RMSProp, but sizes each step by a running average of its own recent steps, so it needs no learning rate to speak of.",
			Params: []Param{
				learningRate(1), // the paper has none, which is α = 1; PyTorch's default too
				{Name: "rho", Symbol: "ρ", Default: 0.9, Min: 0, Max: 0.9999,
					Help: "How slowly the averages of squared gradients and of squared steps forget; closer to 1 means a longer memory."},
				// ε also sets the first steps, about √ε long, so the paper's 1e-6 rather than 1e-8.
				withHelp(epsilon(1e-6), "A small number that keeps the division finite and sets the size of the very first steps, about √ε."),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &Adadelta{LearningRate: p["lr"], Rho: p["rho"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "adamax", Display: "Adamax",
			Rule: "m = β₁·m + (1−β₁)·∇L; u = max(β₂·u, |∇L|); θ -= α/(1−β₁ᵗ)·m/(u+ε)",
			Help: "Adam that divides by the largest recent gradient size instead of an average of squares, which keeps every step at most about α long.",
			Params: []Param{
				learningRate(0.1), // Adam's: the paper's 0.002 would crawl across a surface a few units wide
				beta1(0.9),
				withHelp(beta2(0.999), "How slowly the remembered largest gradient size, the step scale, fades."),
				epsilon(1e-8),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &Adamax{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "amsgrad", Display: "AMSGrad",
			Rule:   "m = β₁·m + (1−β₁)·∇L; v = β₂·v + (1−β₂)·∇L²; vₘₐₓ = max(vₘₐₓ, v); m̂ = m/(1−β₁ᵗ); v̂ = vₘₐₓ/(1−β₂ᵗ); θ -= α·m̂/(√v̂+ε)",
			Help:   "Adam that never lets its average of squared gradients shrink back, so a calm stretch after steep ones cannot make the steps blow up.",
			Params: adamParams(),
		},
		build: func(p map[string]float64) Optimizer {
			return &AMSGrad{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "nadam", Display: "NAdam",
			Rule:   "m = β₁·m + (1−β₁)·∇L; v = β₂·v + (1−β₂)·∇L²; m̄ = β₁·m/(1−β₁ᵗ⁺¹) + (1−β₁)·∇L/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); θ -= α·m̄/(√v̂+ε)",
			Help:   "Adam with Nesterov's look-ahead: the momentum part of each step is the one the next step would use.",
			Params: adamParams(),
		},
		build: func(p map[string]float64) Optimizer {
			return &NAdam{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"]}
		},
	},
	{
		spec: Spec{
			Name: "adamw", Display: "AdamW",
			Rule: "m = β₁·m + (1−β₁)·∇L; v = β₂·v + (1−β₂)·∇L²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); θ -= α·(m̂/(√v̂+ε) + λ·θ)",
			Help: "Adam plus a steady pull of every coordinate towards zero, kept apart from the gradient so Adam's scaling cannot weaken it.",
			Params: []Param{
				learningRate(0.1),
				beta1(0.9),
				beta2(0.999),
				epsilon(1e-8),
				weightDecay(0.01),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &AdamW{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], Epsilon: p["eps"], WeightDecay: p["wd"]}
		},
	},
	{
		spec: Spec{
			Name: "lion", Display: "Lion",
			Rule: "c = β₁·m + (1−β₁)·∇L; θ -= α·(sign(c) + λ·θ); m = β₂·m + (1−β₂)·∇L",
			Help: "Moves every coordinate by the same distance α each step, in the direction given by the sign of a blend of momentum and gradient.",
			Params: []Param{
				learningRate(0.01), // every step is α long per coordinate: Lion wants 3–10× less than Adam
				withHelp(beta1(0.9), "How much the momentum, rather than the new gradient, decides the direction of each step."),
				withHelp(beta2(0.99), "How slowly the momentum forgets past gradients."),
				weightDecay(0),
			},
		},
		build: func(p map[string]float64) Optimizer {
			return &Lion{LearningRate: p["lr"], Beta1: p["beta1"], Beta2: p["beta2"], WeightDecay: p["wd"]}
		},
	},
	{
		spec: Spec{
			Name: "newton", Display: "Newton",
			Rule: "θ -= α·(H + λI)⁻¹·∇L",
			Help: "Uses the curvature (the Hessian H) as well as the slope: on a quadratic bowl one step lands on the bottom, but it heads just as happily for a saddle or a hilltop.",
			Params: []Param{
				learningRate(1), // a full Newton step
				{Name: "damping", Symbol: "λ", Default: 0, Min: 0, Max: 100,
					Help: "Added to the curvature in every direction: larger values make shorter, safer steps, closer to gradient descent's with rate α/λ."},
			},
		},
		build: func(p map[string]float64) Optimizer { return &Newton{LearningRate: p["lr"], Damping: p["damping"]} },
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
func (s Spec) Defaults() map[string]float64 { return s.Params.Defaults() }

// Param returns the parameter called name.
func (s Spec) Param(name string) (Param, bool) { return s.Params.Find(name) }

// New returns the optimizer called name with the given parameters; missing
// parameters take their defaults and params is not modified. Unknown names,
// unknown parameters and values outside a parameter's [Min, Max] (NaN and
// ±Inf included) or fractions for an Integer parameter are errors wrapping ErrUnknownOptimizer, ErrUnknownParam or
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
	full, err := e.spec.Params.Full(name, params)
	if err != nil {
		return nil, fmt.Errorf("optim: %w", err)
	}
	return e.build(full), nil
}
