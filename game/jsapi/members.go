package jsapi

import (
	"errors"

	"descent/game/control"
	"descent/game/perf"
)

// Game is what window.descent drives and reads: game.Game in the page.
type Game interface {
	// Do applies what is queued, then cmd, and returns cmd's messages.
	Do(cmd control.Command) (notes []string)
	// Settled calls fn with the controller once what is queued is applied.
	Settled(fn func(c *control.Controller))
	Metrics() perf.Metrics
}

// Members are window.descent's members that answer with plain values, by
// name: the page wraps each as a JS function (wasm/api.go) and converts a
// Trajectory answer to typed arrays. ready, fieldValues and export, which
// answer with Promises, are the page's own.
func Members(g Game) map[string]func(args []any) any {
	state := func() any {
		var st control.State
		g.Settled(func(c *control.Controller) { st = c.State() })
		return State(st)
	}
	return map[string]func(args []any) any{
		"state": func([]any) any { return state() },
		"configure": func(args []any) any {
			hash, err := Hash(args)
			if err != nil {
				return []any{err.Error()}
			}
			return strs(g.Do(control.Configure{Hash: hash}))
		},
		"play":  func([]any) any { g.Do(control.Play{}); return nil },
		"pause": func([]any) any { g.Do(control.Pause{}); return nil },
		"step": func(args []any) any {
			n, err := Steps(args)
			if err != nil {
				return Error(err)
			}
			if notes := g.Do(control.Step{N: n}); len(notes) > 0 {
				return Error(errors.New(notes[0]))
			}
			return state()
		},
		"reset": func([]any) any { g.Do(control.Reset{}); return nil },
		"trajectory": func(args []any) any {
			spec, err := DecodeTrajectory(args)
			if err != nil {
				return Error(err)
			}
			t, err := Run(spec)
			if err != nil {
				return Error(err)
			}
			return t
		},
		"problems":     func([]any) any { return Problems() },
		"biasVariance": func(args []any) any { return BiasVariance(args) },
		"optimizers":   func([]any) any { return Optimizers() },
		"metrics":      func([]any) any { return Metrics(g.Metrics()) },
	}
}
