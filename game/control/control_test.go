package control

import (
	"reflect"
	"strings"
	"testing"

	"descent/game/config"
	"descent/game/race"
	"descent/game/view"
	"descent/optim"
)

// TestSupersedes: a drag's stream of values to one knob, speeds or canvas
// sizes collapses to its last; anything else is kept in order.
func TestSupersedes(t *testing.T) {
	lr := func(runner int, v string) SetParam { return SetParam{Runner: runner, Name: "lr", Text: v} }
	tests := []struct {
		name      string
		cmd, prev Command
		want      bool
	}{
		{"same knob", lr(0, "0.2"), lr(0, "0.1"), true},
		{"same problem knob", SetParam{Runner: ProblemKnob, Name: "kappa", Text: "5"}, SetParam{Runner: ProblemKnob, Name: "kappa", Text: "4"}, true},
		{"same knob of another runner", lr(1, "0.2"), lr(0, "0.1"), false},
		{"another knob of the same runner", SetParam{Runner: 0, Name: "m", Text: "0.5"}, lr(0, "0.1"), false},
		{"a runner's lr after the problem's", lr(ProblemKnob, "0.2"), lr(0, "0.1"), false},
		{"knob after another command", lr(0, "0.2"), SetSpeed{N: 2}, false},
		{"speed", SetSpeed{N: 3}, SetSpeed{N: 2}, true},
		{"speed after a knob", SetSpeed{N: 3}, lr(0, "0.1"), false},
		{"resize", Resize{Screen: Screen{W: 10, H: 10, DPR: 1}}, Resize{Screen: testScreen}, true},
		{"resize after a click", Resize{Screen: testScreen}, Click{X: 1, Y: 1, CanvasW: 2, CanvasH: 2}, false},
		{"pans add up, so none is pointless", Pan{DX: 1}, Pan{DX: 2}, false},
		{"clicks", Click{X: 1}, Click{X: 2}, false},
		{"steps", Step{N: 1}, Step{N: 1}, false},
		{"toggles", TogglePause{}, TogglePause{}, false},
		{"formulas", SetFormula{Src: "x"}, SetFormula{Src: "y"}, false},
	}
	for _, tt := range tests {
		if got := Supersedes(tt.cmd, tt.prev); got != tt.want {
			t.Errorf("%s: Supersedes(%#v, %#v) = %v, want %v", tt.name, tt.cmd, tt.prev, got, tt.want)
		}
	}
}

// TestCollapsedDragEndsAsTheWholeDrag: applying only the commands Supersedes
// keeps (as the game's queue does) leaves the same state as applying them all.
func TestCollapsedDragEndsAsTheWholeDrag(t *testing.T) {
	var drag []Command
	for _, v := range []string{"0.01", "0.02", "0.05", "0.1", "0.2"} {
		drag = append(drag, SetParam{Runner: 0, Name: "lr", Text: v})
	}
	drag = append(drag, SetParam{Runner: 1, Name: "m", Text: "0.5"}, SetSpeed{N: 2}, SetSpeed{N: 9},
		SetParam{Runner: 1, Name: "m", Text: "0.7"}, SetParam{Runner: 1, Name: "m", Text: "0.8"})
	var queue []Command
	for _, cmd := range drag {
		if n := len(queue); n > 0 && Supersedes(cmd, queue[n-1]) {
			queue[n-1] = cmd
			continue
		}
		queue = append(queue, cmd)
	}
	// lr's five, then m, the two speeds, and m's two: 4 left.
	if len(queue) != 4 {
		t.Errorf("%d commands left of %d, want 4", len(queue), len(drag))
	}
	all, collapsed := sized(t, "o=gd;momentum&paused=1"), sized(t, "o=gd;momentum&paused=1")
	for _, cmd := range drag {
		do(t, all, cmd)
	}
	for _, cmd := range queue {
		do(t, collapsed, cmd)
	}
	if a, b := all.State(), collapsed.State(); !reflect.DeepEqual(a, b) {
		t.Errorf("the collapsed queue gives\n%+v\nwant what the whole drag gives\n%+v", b, a)
	}
}

// script is a session touching every command: two controllers that run it
// must agree exactly, SGD's minibatches and tuning included.
var script = []Command{
	Resize{Screen: testScreen},
	nil, nil, // ticks
	Configure{Hash: "problem=regression&o=sgd:batch=4;adam;gd&seed=7"},
	Step{N: 40}, nil, Pause{}, Tune{}, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
	SetLBFGS{On: true}, Step{N: 5}, nil,
	Click{X: 123, Y: 77, CanvasW: cssW, CanvasH: cssH}, Step{N: 25},
	Pan{DX: 10, DY: -4, CanvasW: cssW, CanvasH: cssH}, Zoom{X: 60, Y: 60, CanvasW: cssW, CanvasH: cssH, Factor: 0.8},
	SetParam{Runner: 0, Name: "batch", Text: "16"}, SetSeed{Text: "11"}, StepOne{}, StepOne{}, Play{}, nil, nil,
	AddRunner{Optimizer: "rmsprop"}, RemoveRunner{Index: 1}, SetSpeed{N: 17}, nil, TogglePause{}, Step{N: 100},
	SetParam{Runner: ProblemKnob, Name: "sigma", Text: "0.8"}, Step{N: 30}, Reset{}, Step{N: 12}, Fit{},
	Notice{Text: "note"}, SetFormula{Src: "x^2 + sin(3*y)"}, Step{N: 60}, SetProblem{Name: "rastrigin"}, Play{}, nil, nil,
}

// TestDeterminism: the same commands give the same state, to the last bit.
func TestDeterminism(t *testing.T) {
	a, b := New(""), New("")
	for i, cmd := range script {
		if cmd == nil {
			a.Tick()
			b.Tick()
		} else {
			na, nb := a.Do(cmd), b.Do(cmd)
			if !reflect.DeepEqual(na, nb) {
				t.Fatalf("command %d (%#v): notes %q and %q", i, cmd, na, nb)
			}
		}
		sa, sb := a.State(), b.State()
		if !reflect.DeepEqual(sa, sb) {
			t.Fatalf("command %d (%#v): the two states differ:\n%+v\n%+v", i, cmd, sa, sb)
		}
	}
	if !reflect.DeepEqual(a.Page(), b.Page()) {
		t.Errorf("the two pages differ")
	}
	fa, fb := a.Frame(), b.Frame()
	if !reflect.DeepEqual(fa, fb) {
		t.Errorf("the two frames differ")
	}
}

// TestStateIsAPlainCopy: the snapshot shares nothing with the controller,
// and reports every runner as the race has it.
func TestStateIsAPlainCopy(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=0.11;adam&paused=1")
	// f = 0.1x² + 10y²: gradient descent is stable only below α = 2/20 = 0.1
	// (the notes' §3.3); at 0.11 its y error grows 1.2 times a step.
	do(t, c, Step{N: 200})
	st := c.State()
	for i, r := range c.Race().Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		got := st.Runners[i]
		want := RunnerState{
			ID: r.ID, Optimizer: r.Optimizer, Display: spec.Display, Color: view.CSS(view.RunnerColor(r.ID)),
			Params: r.Params, X: [2]float64{r.X, r.Y}, Loss: r.Loss, Status: r.Status, StatusStep: r.StatusStep,
			LastStep: r.LastStep, Grad: r.Grad, FullGrad: r.FullGrad, Update: r.Update, Internals: r.Internals(nil),
		}
		want.StepSize, want.HasStepSize = r.StepSize()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("runner %d: %+v, want %+v", i, got, want)
		}
	}
	if st.Runners[0].Status != race.Diverged || st.Runners[1].Status == race.Diverged {
		t.Errorf("statuses %v, %v; want gd diverged alone", st.Runners[0].Status, st.Runners[1].Status)
	}
	st.Runners[0].Params["lr"] = 5
	st.Notes[0] = "changed"
	cfg := c.Config()
	cfg.Runners[0].Params["lr"] = 7
	if again := c.State(); again.Runners[0].Params["lr"] != 0.11 || again.Notes[0] == "changed" {
		t.Errorf("changing a snapshot or a config copy changed the controller: lr %v, note %q", again.Runners[0].Params["lr"], again.Notes[0])
	}
	if st.Scene != "race" || st.Tuning != -1 || st.Reference != nil || !st.Paused || st.Speed != 1 {
		t.Errorf("state %+v, want the race scene, no tuning, no reference, paused at speed 1", st)
	}
}

// TestASetupThatCannotRaceKeepsThePreviousOne: a config no race can be built
// from (no command can make one today: config.Apply checks every value) is a
// note, and the previous race keeps going.
func TestASetupThatCannotRaceKeepsThePreviousOne(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(cfg *config.Config)
		want  string // in the note
	}{
		{"unknown problem", func(cfg *config.Config) { cfg.Problem = "nope" }, `"nope"`},
		// optim's α range is [1e-6, 10].
		{"α out of range", func(cfg *config.Config) { cfg.Runners[0].Params["lr"] = 100 }, "lr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, "problem=rosenbrock&o=adam&paused=1")
			do(t, c, Step{N: 4})
			p, r := c.Problem(), c.Race()
			bad := c.Config()
			tt.spoil(&bad)
			c.apply(bad, nil)
			if c.Problem() != p || c.Race() != r || c.State().Step != 4 || c.State().Hash != New("problem=rosenbrock&o=adam&paused=1").State().Hash {
				t.Errorf("problem %s step %d hash %q after an unusable setup, want rosenbrock's race kept at step 4", c.Problem().Name, c.State().Step, c.State().Hash)
			}
			if notes := c.Notes(); len(notes) != 1 || !strings.Contains(notes[0], tt.want) || !strings.HasSuffix(notes[0], "kept the previous setup") {
				t.Errorf("notes %q, want one naming %s and saying the previous setup was kept", notes, tt.want)
			}
		})
	}
}
