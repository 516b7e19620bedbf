package jsapi

import (
	"fmt"
	"math"
	"slices"

	"descent/game/config"
	"descent/game/race"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// MaxTrajectorySteps bounds one trajectory() call, so a script cannot hold up
// the page: a run that converges or diverges sooner stops there anyway.
const MaxTrajectorySteps = 100000

// TrajectorySpec is what trajectory() runs: checked, with defaults filled in.
type TrajectorySpec struct {
	Problem *problems.Problem
	Entry   race.Entry
	Start   [2]float64
	Steps   int
}

// trajectoryKeys are the keys a spec may have.
var trajectoryKeys = []string{"problem", "expr", "optimizer", "params", "start", "steps", "seed"}

// DecodeTrajectory checks trajectory()'s argument, {problem | expr, optimizer,
// params, start, steps, seed}. A wrong type is an error naming the field, never
// a silent default; a key it does not know is an error too.
func DecodeTrajectory(args []any) (TrajectorySpec, error) {
	var spec TrajectorySpec
	if len(args) == 0 {
		return spec, fmt.Errorf(`trajectory: pass an object like {problem: "rosenbrock", optimizer: "adam", steps: 100}`)
	}
	obj, ok := args[0].(map[string]any)
	if !ok {
		return spec, fmt.Errorf(`trajectory: pass an object like {problem: "rosenbrock", optimizer: "adam", steps: 100}, not %s`, describe(args[0]))
	}
	for k := range obj {
		if !slices.Contains(trajectoryKeys, k) {
			return spec, fmt.Errorf("trajectory: %s is not a field of the spec (known: problem, expr, optimizer, params, start, steps, seed)", param.Quote(k))
		}
	}
	str := func(key, def string) (string, error) {
		v, ok := obj[key]
		if !ok || v == nil {
			return def, nil
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("trajectory: %s must be a string, not %s", key, describe(v))
		}
		return s, nil
	}
	var err error
	builtin := "" // the built-in problem's name, whose recommendations a runner opens with
	if src, _ := obj["expr"]; src != nil {
		if _, has := obj["problem"]; has {
			return spec, fmt.Errorf("trajectory: give problem or expr, not both")
		}
		e, err := str("expr", "")
		if err != nil {
			return spec, err
		}
		if spec.Problem, err = problems.Custom(e); err != nil {
			return spec, fmt.Errorf("trajectory: expr: %s", config.FormulaError(e, err))
		}
	} else {
		name, err := str("problem", problems.Default().Name)
		if err != nil {
			return spec, err
		}
		base, settings, errs := config.ParseProblem(name)
		if base == "" {
			return spec, fmt.Errorf("trajectory: there is no problem %s", param.Quote(name))
		}
		if len(errs) > 0 {
			return spec, fmt.Errorf("trajectory: %w", errs[0])
		}
		p, _ := problems.Lookup(base)
		if spec.Problem, err = p.With(settings); err != nil {
			return spec, fmt.Errorf("trajectory: %w", err)
		}
		builtin = base
	}
	if spec.Entry.Optimizer, err = str("optimizer", "gd"); err != nil {
		return spec, err
	}
	optSpec, ok := optim.Lookup(spec.Entry.Optimizer)
	if !ok {
		return spec, fmt.Errorf("trajectory: there is no optimizer %s", param.Quote(spec.Entry.Optimizer))
	}
	// The parameters not given are those a runner of the race opens with on
	// this surface: its recommendations over the defaults (no recommendations
	// for a formula: builtin is "").
	spec.Entry.Params = config.Config{Problem: builtin}.Baseline(spec.Entry.Optimizer)
	if v, ok := obj["params"]; ok && v != nil {
		m, ok := v.(map[string]any)
		if !ok {
			return spec, fmt.Errorf("trajectory: params must be an object like {lr: 0.1}, not %s", describe(v))
		}
		for k, pv := range m {
			f, ok := pv.(float64)
			if !ok {
				return spec, fmt.Errorf("trajectory: params.%s must be a number, not %s", k, describe(pv))
			}
			spec.Entry.Params[k] = f
		}
		if _, err := optSpec.Params.Full(optSpec.Name, spec.Entry.Params); err != nil {
			return spec, fmt.Errorf("trajectory: params: %w", err)
		}
	}
	spec.Start = spec.Problem.Start
	if v, ok := obj["start"]; ok && v != nil {
		a, ok := v.([]any)
		if !ok || len(a) != 2 {
			return spec, fmt.Errorf("trajectory: start must be two numbers, [x, y], not %s", describe(v))
		}
		for i, c := range a {
			f, ok := c.(float64)
			if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
				return spec, fmt.Errorf("trajectory: start must be two finite numbers, [x, y]; start[%d] is %s", i, describe(c))
			}
			spec.Start[i] = f
		}
	}
	spec.Steps = 100
	if v, ok := obj["steps"]; ok && v != nil {
		n, err := whole(v, "trajectory: steps", 0, MaxTrajectorySteps)
		if err != nil {
			return spec, err
		}
		spec.Steps = int(n)
	}
	spec.Entry.Seed = 1
	if v, ok := obj["seed"]; ok && v != nil {
		n, err := whole(v, "trajectory: seed", 0, 1<<53)
		if err != nil {
			return spec, err
		}
		spec.Entry.Seed = uint64(n)
	}
	return spec, nil
}

// Trajectory is a run computed off-screen: Xs[k], Ys[k] and Losses[k] after k
// steps, index 0 the start. A run that converges or diverges stops there:
// Status says which and StatusStep when, and the arrays end at that step.
type Trajectory struct {
	Xs, Ys, Losses []float64
	Status         race.Status
	StatusStep     int
}

// Run runs the spec.
func Run(spec TrajectorySpec) (Trajectory, error) {
	points, losses, status, at, err := race.TrajectoryEntry(spec.Problem, spec.Entry, spec.Start, spec.Steps)
	if err != nil {
		return Trajectory{}, fmt.Errorf("trajectory: %w", err)
	}
	if status != race.Running && at+1 < len(points) {
		points, losses = points[:at+1], losses[:at+1]
	}
	t := Trajectory{Xs: make([]float64, len(points)), Ys: make([]float64, len(points)), Losses: losses, Status: status, StatusStep: at}
	for i, p := range points {
		t.Xs[i], t.Ys[i] = p[0], p[1]
	}
	return t, nil
}
