// Package jsapi is the logic of window.descent: it checks what a script passes
// and builds what it gets back, as plain trees — map[string]any, []any,
// float64, string, bool and nil, the shapes a JS value converts to and from —
// so that the js/wasm side only converts, and every rule is tested natively.
package jsapi

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"descent/game/control"
	"descent/game/perf"
	"descent/game/race"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// Error is the answer to a call with bad arguments: {error: "…"}, the same
// shape from every member.
func Error(err error) map[string]any { return map[string]any{"error": err.Error()} }

// State is descent.state(): the controller's snapshot as plain values.
func State(s control.State) map[string]any {
	runners := make([]any, len(s.Runners))
	for i, r := range s.Runners {
		var diverged any
		if r.Status == race.Diverged {
			diverged = float64(r.StatusStep)
		}
		runners[i] = map[string]any{
			"id": float64(r.ID), "optimizer": r.Optimizer, "display": r.Display, "color": r.Color,
			"params": floats(r.Params), "x": pair(r.X), "loss": r.Loss,
			"status": r.Status.String(), "statusStep": float64(r.StatusStep), "divergedAt": diverged,
		}
		addStep(runners[i].(map[string]any), r)
	}
	var ref, tuning any
	if r := s.Reference; r != nil {
		ref = map[string]any{
			"x": pair(r.X), "loss": r.Loss, "iteration": float64(r.Iteration),
			"iterations": float64(r.Iterations), "evaluations": float64(r.Evaluations), "status": r.Status,
		}
	}
	if s.Tuning >= 0 {
		tuning = s.Tuning
	}
	return map[string]any{
		"scene": s.Scene, "problem": s.Problem, "expr": s.Expr, "hash": s.Hash, "step": float64(s.Step),
		"paused": s.Paused, "speed": float64(s.Speed), "start": pair(s.Start),
		"view":    []any{s.View[0], s.View[1], s.View[2], s.View[3]},
		"runners": runners, "notes": strs(s.Notes), "reference": ref, "tuning": tuning,
		"arrows": s.Arrows, "follow": follow(s.Follow),
		"biasVariance": sceneState(s.BiasVariance),
	}
}

// Problems is descent.problems(): the catalog of surfaces.
func Problems() []any {
	var out []any
	for _, p := range problems.All() {
		minima := []any{}
		for _, m := range p.Minima {
			minima = append(minima, map[string]any{"x": m.X, "y": m.Y, "value": m.Value})
		}
		out = append(out, map[string]any{
			"name": p.Name, "title": p.Title, "formula": p.Formula, "shown": p.Shown, "params": params(p.Params),
			"description": p.Description, "source": p.Source,
			"domain": []any{p.XMin, p.XMax, p.YMin, p.YMax},
			"start":  pair(p.Start), "minima": minima, "scale": p.Scale.String(),
		})
	}
	return out
}

// Optimizers is descent.optimizers(): the catalog of optimizers.
func Optimizers() []any {
	var out []any
	for _, s := range optim.Specs() {
		out = append(out, map[string]any{
			"name": s.Name, "display": s.Display, "rule": s.Rule, "help": s.Help, "params": params(s.Params),
		})
	}
	return out
}

// params lists parameters the same way for problems and optimizers.
func params(l param.List) []any {
	out := []any{}
	for _, p := range l {
		out = append(out, map[string]any{
			"name": p.Name, "symbol": p.Symbol, "help": p.Help, "default": p.Default,
			"min": p.Min, "max": p.Max, "log": p.Log, "integer": p.Integer,
		})
	}
	return out
}

// Hash checks configure's argument: a URL-hash string.
func Hash(args []any) (string, error) {
	if len(args) == 0 {
		return "", errors.New(`configure: pass the setup as a URL-hash string, like "problem=rosenbrock&o=adam"`)
	}
	s, ok := args[0].(string)
	if !ok {
		return "", fmt.Errorf(`configure: the setup must be a URL-hash string like "problem=rosenbrock&o=adam", not %s`, kind(args[0]))
	}
	return s, nil
}

// Steps checks step's argument: a whole number of steps, 1 when left out.
func Steps(args []any) (int, error) {
	if len(args) == 0 || args[0] == nil {
		return 1, nil
	}
	n, err := whole(args[0], "step: the number of steps", 0, control.MaxStepsAtOnce)
	return int(n), err
}

// whole checks that v is a whole number from lo to hi; what names it in the error.
func whole(v any, what string, lo, hi float64) (float64, error) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || f < lo || f > hi {
		return 0, fmt.Errorf("%s must be a whole number from %g to %g, not %s", what, lo, hi, describe(v))
	}
	return f, nil
}

// kind names a value's JS type for a message.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case float64:
		return "a number"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case Unsupported:
		return string(v.(Unsupported))
	}
	return fmt.Sprintf("%T", v)
}

// describe names a value for a message: its type, and a short value.
func describe(v any) string {
	switch v := v.(type) {
	case float64:
		return fmt.Sprintf("%g", v)
	case string:
		return "the string " + param.Quote(v)
	}
	return kind(v)
}

// Unsupported stands for a JS value with no plain counterpart — a function, a
// symbol, a BigInt — named by its typeof, so a message can say what came.
type Unsupported string

// String is how a message names it: "a function", say.
func (u Unsupported) String() string { return string(u) }

func pair(p [2]float64) []any { return []any{p[0], p[1]} }

func floats(m map[string]float64) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func strs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// keys lists an object's keys in order, for messages.
func keys(m map[string]any) string {
	k := make([]string, 0, len(m))
	for name := range m {
		k = append(k, name)
	}
	slices.Sort(k)
	return strings.Join(k, ", ")
}

// Metrics is descent.metrics(): the game loop's recent performance.
func Metrics(m perf.Metrics) map[string]any {
	return map[string]any{
		"fps": m.FPS, "tps": m.TPS,
		"updateMs": map[string]any{"p50": m.UpdateP50, "p95": m.UpdateP95},
		"drawMs":   map[string]any{"p50": m.DrawP50, "p95": m.DrawP95},
		"updates":  float64(m.Updates), "draws": float64(m.Draws),
		"heapBytes": float64(m.HeapBytes), "mallocs": float64(m.TotalAllocs),
		"allocsPerFrame": m.AllocsPerFrame, "shaderCompiles": float64(m.ShaderCompiles),
	}
}
