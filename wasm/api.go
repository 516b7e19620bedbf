//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"descent/game"
	"descent/game/config"
	"descent/game/control"
	"descent/game/race"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// maxTrajectorySteps bounds one trajectory() call so a script cannot freeze the page.
const maxTrajectorySteps = 1000000

// api is window.descent. Every call answers at once from the game's state; none
// waits on the game loop.
type api struct {
	g       *game.Game
	ready   js.Value
	resolve js.Value
	funcs   []js.Func // kept so they are never collected
}

func newAPI(g *game.Game) *api {
	a := &api{g: g}
	a.ready = js.Global().Get("Promise").New(a.fn(func(args []js.Value) any {
		a.resolve = args[0]
		return nil
	}))
	return a
}

func (a *api) resolveReady() { a.resolve.Invoke() }

// fn wraps f as a JS function. A script that passes something unexpected gets
// an {error} back instead of stopping the whole program.
func (a *api) fn(f func(args []js.Value) any) js.Func {
	jf := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = errorJS(fmt.Errorf("descent: bad arguments: %v", r))
			}
		}()
		return f(args)
	})
	a.funcs = append(a.funcs, jf)
	return jf
}

func (a *api) object() js.Value {
	o := js.Global().Get("Object").New()
	o.Set("ready", a.ready)
	o.Set("state", a.fn(func([]js.Value) any { return a.state() }))
	o.Set("configure", a.fn(func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return stringsJS([]string{"configure: pass the setup as a URL-hash string, like \"problem=rosenbrock&o=adam\""})
		}
		return stringsJS(a.g.Do(control.Configure{Hash: args[0].String()}))
	}))
	o.Set("play", a.fn(func([]js.Value) any { a.g.Do(control.Play{}); return nil }))
	o.Set("pause", a.fn(func([]js.Value) any { a.g.Do(control.Pause{}); return nil }))
	o.Set("step", a.fn(func(args []js.Value) any {
		n := 1
		if len(args) > 0 && args[0].Type() != js.TypeUndefined {
			if args[0].Type() != js.TypeNumber || !isWhole(args[0].Float()) {
				return errorJS(fmt.Errorf("step: pass a whole number of steps from 0 to %d", control.MaxStepsAtOnce))
			}
			n = int(args[0].Float())
		}
		if notes := a.g.Do(control.Step{N: n}); len(notes) > 0 {
			return errorJS(fmt.Errorf("%s", notes[0]))
		}
		return a.state()
	}))
	o.Set("reset", a.fn(func([]js.Value) any { a.g.Do(control.Reset{}); return nil }))
	o.Set("trajectory", a.fn(func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeObject {
			return errorJS(fmt.Errorf("trajectory: pass an object like {problem: \"rosenbrock\", optimizer: \"adam\", steps: 100}"))
		}
		out, err := trajectory(args[0])
		if err != nil {
			return errorJS(err)
		}
		return out
	}))
	o.Set("problems", a.fn(func([]js.Value) any { return problemsJS() }))
	o.Set("optimizers", a.fn(func([]js.Value) any { return optimizersJS() }))
	o.Set("metrics", a.fn(func([]js.Value) any { return metricsJS(a.g.Metrics()) }))
	return o
}

func (a *api) state() js.Value {
	var st control.State
	a.g.Settled(func(c *control.Controller) { st = c.State() })
	return stateJS(st)
}

func isWhole(v float64) bool { return v == math.Trunc(v) && !math.IsInf(v, 0) }

// trajectory runs one optimizer off-screen for the spec
// {problem | expr, optimizer, params, start, steps}.
func trajectory(spec js.Value) (js.Value, error) {
	var p *problems.Problem
	var err error
	if e := spec.Get("expr"); e.Type() == js.TypeString {
		if p, err = problems.Custom(e.String()); err != nil {
			return js.Null(), fmt.Errorf("trajectory: %w", err)
		}
	} else {
		src := problems.Default().Name
		if v := spec.Get("problem"); v.Type() == js.TypeString {
			src = v.String()
		}
		name, settings, errs := config.ParseProblem(src)
		if name == "" {
			return js.Null(), fmt.Errorf("trajectory: there is no problem %q", src)
		}
		if len(errs) > 0 {
			return js.Null(), fmt.Errorf("trajectory: %w", errs[0])
		}
		base, _ := problems.Lookup(name)
		if p, err = base.With(settings); err != nil {
			return js.Null(), fmt.Errorf("trajectory: %w", err)
		}
	}
	name := "gd"
	if v := spec.Get("optimizer"); v.Type() == js.TypeString {
		name = v.String()
	}
	params := map[string]float64{}
	if v := spec.Get("params"); v.Type() == js.TypeObject {
		keys := js.Global().Get("Object").Call("keys", v)
		for i := 0; i < keys.Length(); i++ {
			k := keys.Index(i).String()
			if pv := v.Get(k); pv.Type() == js.TypeNumber {
				params[k] = pv.Float()
			} else {
				return js.Null(), fmt.Errorf("trajectory: parameter %s must be a number", k)
			}
		}
	}
	start := p.Start
	if v := spec.Get("start"); v.Type() == js.TypeObject {
		if v.Length() != 2 || v.Index(0).Type() != js.TypeNumber || v.Index(1).Type() != js.TypeNumber {
			return js.Null(), fmt.Errorf("trajectory: start must be two numbers, [x, y]")
		}
		start = [2]float64{v.Index(0).Float(), v.Index(1).Float()}
	}
	steps := 100
	if v := spec.Get("steps"); v.Type() == js.TypeNumber {
		steps = v.Int()
	}
	if steps < 0 || steps > maxTrajectorySteps {
		return js.Null(), fmt.Errorf("trajectory: steps must be from 0 to %d", maxTrajectorySteps)
	}
	var seed uint64 = 1
	if v := spec.Get("seed"); v.Type() == js.TypeNumber && v.Float() >= 0 {
		seed = uint64(v.Float())
	}
	points, losses, status, at, err := race.TrajectoryEntry(p, race.Entry{Optimizer: name, Params: params, Seed: seed}, start, steps)
	if err != nil {
		return js.Null(), fmt.Errorf("trajectory: %w", err)
	}
	pts := make([]any, len(points))
	for i, q := range points {
		pts[i] = []any{q[0], q[1]}
	}
	ls := make([]any, len(losses))
	for i, l := range losses {
		ls[i] = l
	}
	return js.ValueOf(map[string]any{
		"points": pts, "losses": ls, "status": status.String(), "statusStep": at,
	}), nil
}

func stateJS(s control.State) js.Value {
	runners := make([]any, len(s.Runners))
	for i, r := range s.Runners {
		var diverged any = nil
		if r.Status == race.Diverged {
			diverged = r.StatusStep
		}
		runners[i] = map[string]any{
			"id": r.ID, "optimizer": r.Optimizer, "display": r.Display, "color": r.Color,
			"params": floatsJS(r.Params), "x": []any{r.X[0], r.X[1]}, "loss": r.Loss,
			"status": r.Status.String(), "statusStep": r.StatusStep, "divergedAt": diverged,
		}
	}
	var ref any
	if r := s.Reference; r != nil {
		ref = map[string]any{
			"x": []any{r.X[0], r.X[1]}, "loss": r.Loss, "iteration": r.Iteration,
			"iterations": r.Iterations, "evaluations": r.Evaluations, "status": r.Status,
		}
	}
	var tuning any
	if s.Tuning >= 0 {
		tuning = s.Tuning
	}
	return js.ValueOf(map[string]any{
		"reference": ref, "tuning": tuning, "scene": s.Scene,
		"problem": s.Problem, "expr": s.Expr, "hash": s.Hash, "step": s.Step,
		"paused": s.Paused, "speed": s.Speed, "start": []any{s.Start[0], s.Start[1]},
		"view":    []any{s.View[0], s.View[1], s.View[2], s.View[3]},
		"runners": runners, "notes": stringsAny(s.Notes),
	})
}

func problemsJS() js.Value {
	var out []any
	for _, p := range problems.All() {
		var minima []any
		for _, m := range p.Minima {
			minima = append(minima, map[string]any{"x": m.X, "y": m.Y, "value": m.Value})
		}
		var params []any
		for _, q := range p.Params {
			params = append(params, paramJS(q))
		}
		out = append(out, map[string]any{
			"name": p.Name, "title": p.Title, "formula": p.Formula, "shown": p.Shown, "params": params,
			"description": p.Description, "source": p.Source,
			"domain": []any{p.XMin, p.XMax, p.YMin, p.YMax},
			"start":  []any{p.Start[0], p.Start[1]}, "minima": minima,
			"scale": p.Scale.String(),
		})
	}
	return js.ValueOf(out)
}

func optimizersJS() js.Value {
	var out []any
	for _, s := range optim.Specs() {
		var params []any
		for _, p := range s.Params {
			params = append(params, paramJS(p))
		}
		out = append(out, map[string]any{
			"name": s.Name, "display": s.Display, "rule": s.Rule, "help": s.Help, "params": params,
		})
	}
	return js.ValueOf(out)
}

// paramJS is one parameter in the catalogs, the same for problems and optimizers.
func paramJS(p param.Param) map[string]any {
	return map[string]any{
		"name": p.Name, "symbol": p.Symbol, "help": p.Help, "default": p.Default,
		"min": p.Min, "max": p.Max, "log": p.Log, "integer": p.Integer,
	}
}

func metricsJS(m game.Metrics) js.Value {
	return js.ValueOf(map[string]any{
		"fps": m.FPS, "tps": m.TPS,
		"updateMs": map[string]any{"p50": m.UpdateP50, "p95": m.UpdateP95},
		"drawMs":   map[string]any{"p50": m.DrawP50, "p95": m.DrawP95},
		"updates":  m.Updates, "draws": m.Draws,
		"heapBytes": float64(m.HeapBytes), "mallocs": float64(m.TotalAllocs),
		"allocsPerFrame": m.AllocsPerFrame, "shaderCompiles": m.ShaderCompiles,
	})
}

func errorJS(err error) js.Value { return js.ValueOf(map[string]any{"error": err.Error()}) }

func floatsJS(m map[string]float64) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func stringsAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func stringsJS(s []string) js.Value { return js.ValueOf(stringsAny(s)) }
