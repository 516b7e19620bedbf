package jsapi

import (
	"slices"
	"testing"

	"descent/game/control"
	"descent/game/perf"
)

// controllerGame is Game over a controller, as game.Game is in the page
// without its queue and frames.
type controllerGame struct{ c *control.Controller }

func (g controllerGame) Do(cmd control.Command) []string        { return g.c.Do(cmd) }
func (g controllerGame) Settled(fn func(c *control.Controller)) { fn(g.c) }
func (g controllerGame) Metrics() perf.Metrics                  { return perf.Metrics{FPS: 60} }

// TestMembers: the members drive the controller and answer as the README says.
func TestMembers(t *testing.T) {
	m := Members(controllerGame{control.New("problem=rosenbrock&paused=1")})
	var names []string
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	want := []string{"biasVariance", "configure", "metrics", "optimizers", "pause", "play", "problems", "reset", "state", "step", "trajectory"}
	if !slices.Equal(names, want) {
		t.Errorf("members %v, want %v", names, want)
	}
	st := m["step"]([]any{3.0}).(map[string]any)
	if st["step"] != 3 && st["step"] != 3.0 {
		t.Errorf("step(3) answered step %v", st["step"])
	}
	if e, ok := m["step"]([]any{"x"}).(map[string]any)["error"]; !ok || e == "" {
		t.Errorf("step(\"x\") gave no error")
	}
	if got := m["configure"]([]any{"problem=nope"}).([]any); len(got) != 1 {
		t.Errorf("configure with an unknown problem gave %v, want one message", got)
	}
	if got := m["configure"]([]any{"problem=beale"}).([]any); len(got) != 0 {
		t.Errorf("configure(problem=beale) gave %v", got)
	}
	if p := m["state"](nil).(map[string]any)["problem"]; p != "beale" {
		t.Errorf("state().problem = %v after configuring beale", p)
	}
	tr, ok := m["trajectory"]([]any{map[string]any{"problem": "rosenbrock", "optimizer": "gd", "steps": 10.0}}).(Trajectory)
	if !ok || len(tr.Xs) != 11 {
		t.Errorf("trajectory answered %#v, want a Trajectory of 11 points", tr)
	}
	if m["metrics"](nil).(map[string]any)["fps"] != 60.0 {
		t.Error("metrics() does not read the game's metrics")
	}
}
