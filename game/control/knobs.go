package control

import (
	"strconv"

	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// Knob is one number the learner sets with a slider and a box: a parameter of
// the problem (Runner is ProblemKnob) or a hyperparameter of a runner.
type Knob struct {
	Runner int
	Owner  string // the problem's or the optimizer's name
	Param  param.Param
	Value  float64 // the value now in force
}

// ID names the knob in the page, uniquely: "problem.a1", "1.lr" (the second
// runner's α).
func (k Knob) ID() string {
	if k.Runner == ProblemKnob {
		return "problem." + k.Param.Name
	}
	return strconv.Itoa(k.Runner) + "." + k.Param.Name
}

// Label names the knob in a message: "momentum m", "ill-conditioned a2".
func (k Knob) Label() string { return k.Owner + " " + k.Param.Name }

// SliderPos is where the knob's slider stands, 0 to param.SliderSteps.
func (k Knob) SliderPos() int { return k.Param.SliderPos(k.Value) }

// Knobs returns the problem's parameters, then each runner's hyperparameters,
// with the values in force: what the panel shows.
func (c *Controller) Knobs() []Knob {
	var ks []Knob
	if base, ok := problems.Lookup(c.cfg.Problem); ok && c.cfg.Expr == "" {
		vals := c.problem.ParamValues()
		for _, p := range base.Params {
			ks = append(ks, Knob{Runner: ProblemKnob, Owner: base.Name, Param: p, Value: vals[p.Name]})
		}
	}
	for i, r := range c.cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		full := c.cfg.RunnerParams(i)
		for _, p := range spec.Params {
			ks = append(ks, Knob{Runner: i, Owner: spec.Name, Param: p, Value: full[p.Name]})
		}
	}
	return ks
}

// knob returns the knob of runner's parameter name (ProblemKnob for the problem's).
func (c *Controller) knob(runner int, name string) (Knob, bool) {
	for _, k := range c.Knobs() {
		if k.Runner == runner && k.Param.Name == name {
			return k, true
		}
	}
	return Knob{}, false
}
