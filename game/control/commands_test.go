package control

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"descent/game/config"
	"descent/game/legend"
	"descent/game/race"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// TestRefusedEditKeepsThePreviousValue: a bad value typed into a knob leaves
// the value that was in force, not the default, and the note says which
// parameter, what it accepts and what it kept. The race is not restarted.
func TestRefusedEditKeepsThePreviousValue(t *testing.T) {
	tests := []struct {
		name         string
		hash         string
		runner       int
		param        string
		good, bad    string
		owner        string  // the knob's owner as the note names it
		want         float64 // the good value, kept
		wantKeptText string  // how the note writes it
	}{
		// β₂ = 0.9995 is inside [0, 0.99999] (optim's beta2) and is not Adam's default 0.999.
		{"adam beta2 above its range", "o=adam&paused=1", 0, "beta2", "0.9995", "1.5", "adam", 0.9995, "0.9995"},
		{"adam beta2 not a number", "o=adam&paused=1", 0, "beta2", "0.9995", "fast", "adam", 0.9995, "0.9995"},
		{"adam beta2 empty", "o=adam&paused=1", 0, "beta2", "0.9995", "  ", "adam", 0.9995, "0.9995"},
		{"gd lr NaN", "o=gd&paused=1", 0, "lr", "0.07", "NaN", "gd", 0.07, "0.07"},
		{"gd lr infinite", "o=gd&paused=1", 0, "lr", "0.07", "Inf", "gd", 0.07, "0.07"},
		// SGD's batch is a whole number from 1 to 1000.
		{"sgd batch a fraction", "problem=regression&o=sgd&paused=1", 0, "batch", "32", "2.5", "sgd", 32, "32"},
		// The second runner, so that the index is the one used.
		{"second runner's momentum", "o=gd;momentum&paused=1", 1, "m", "0.5", "-0.1", "momentum", 0.5, "0.5"},
		// The ill-conditioned quadratic's a₂ is a problem knob, default 10.
		{"problem a2 negative", "problem=ill-conditioned&o=gd&paused=1", ProblemKnob, "a2", "4", "-1", "ill-conditioned", 4, "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, tt.hash)
			do(t, c, SetParam{Runner: tt.runner, Name: tt.param, Text: tt.good})
			if got := knobOf(t, c, tt.runner, tt.param).Value; got != tt.want {
				t.Fatalf("after %q: %s = %v, want %v", tt.good, tt.param, got, tt.want)
			}
			do(t, c, Step{N: 3})
			before := c.State()
			notes := c.Do(SetParam{Runner: tt.runner, Name: tt.param, Text: tt.bad})
			k := knobOf(t, c, tt.runner, tt.param)
			if k.Value != tt.want {
				t.Errorf("after %q: %s = %v, want the previous %v kept (default %v)", tt.bad, tt.param, k.Value, tt.want, k.Param.Default)
			}
			if len(notes) != 1 {
				t.Fatalf("notes %q, want one", notes)
			}
			for _, want := range []string{tt.owner + " " + tt.param, k.Param.Want(), "kept " + tt.wantKeptText} {
				if !strings.Contains(notes[0], want) {
					t.Errorf("note %q does not say %q", notes[0], want)
				}
			}
			after := c.State()
			if after.Hash != before.Hash || after.Step != before.Step {
				t.Errorf("the refusal changed the race: hash %q step %d, want %q step %d", after.Hash, after.Step, before.Hash, before.Step)
			}
			if got := c.Notes(); !reflect.DeepEqual(got, notes) {
				t.Errorf("Notes() %q, want the refusal %q", got, notes)
			}
		})
	}
}

// TestSliderEndsApply: the value a slider gives at either end, sent as the
// panel sends it, is accepted for every knob of every optimizer and problem,
// and is exactly the parameter's Min or Max.
func TestSliderEndsApply(t *testing.T) {
	type setup struct{ hash, what string }
	var setups []setup
	for _, s := range optim.Specs() {
		hash := "o=" + s.Name + "&paused=1"
		if s.Name == "sgd" {
			hash = "problem=regression&" + hash // SGD draws minibatches from data
		}
		setups = append(setups, setup{hash, s.Name})
	}
	for _, p := range problems.All() {
		if len(p.Params) > 0 {
			setups = append(setups, setup{"problem=" + p.Name + "&o=gd&paused=1", p.Name})
		}
	}
	for _, s := range setups {
		t.Run(s.what, func(t *testing.T) {
			c := sized(t, s.hash)
			for _, k0 := range c.Knobs() {
				if k0.Owner != s.what {
					continue
				}
				ends := []struct {
					pos  int
					want float64
				}{{0, k0.Param.Min}, {param.SliderSteps, k0.Param.Max}}
				for _, end := range ends {
					v := k0.Param.FromSlider(end.pos)
					if notes := c.Do(SetParam{Runner: k0.Runner, Name: k0.Param.Name, Text: text(v)}); len(notes) > 0 {
						t.Errorf("%s at slider %d (%v): notes %q, want none", k0.ID(), end.pos, v, notes)
						continue
					}
					if got := knobOf(t, c, k0.Runner, k0.Param.Name).Value; got != end.want {
						t.Errorf("%s at slider %d: value %v, want exactly %v", k0.ID(), end.pos, got, end.want)
					}
				}
			}
		})
	}
}

// TestEditsThatKeepTheRaceGoing: after a typed formula (or a problem with
// settings), the speed, pausing, the view and the reference path change how
// the race is shown, not the race: the step count and the surface stay.
func TestEditsThatKeepTheRaceGoing(t *testing.T) {
	setups := []struct {
		name  string
		hash  string
		setup Command
	}{
		{"typed formula", "paused=1", SetFormula{Src: "x^2 + 3*y^2 - x*y"}},
		{"problem with settings", "paused=1", Configure{Hash: "problem=rotated:kappa=50"}},
		{"problem knob", "problem=quadratic&paused=1", SetParam{Runner: ProblemKnob, Name: "a1", Text: "2"}},
		{"preset", "", Configure{Hash: "preset=fig3"}},
	}
	cmds := []Command{
		SetSpeed{N: 5}, Pause{}, Play{}, TogglePause{}, TogglePause{}, SetSpeed{N: config.MaxSpeed},
		SetLBFGS{On: true}, SetLBFGS{On: false},
		Pan{DX: 10, DY: -5, CanvasW: cssW, CanvasH: cssH},
		Zoom{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH, Factor: 0.5},
		Fit{}, Resize{Screen: Screen{W: 640, H: 480, DPR: 1}}, Notice{Text: "a shader note"},
		Configure{Hash: "speed=3&paused=1"},
	}
	for _, s := range setups {
		t.Run(s.name, func(t *testing.T) {
			c := sized(t, s.hash)
			do(t, c, s.setup)
			// 7 steps: any number above zero shows a restart.
			do(t, c, Step{N: 7})
			p, r := c.Problem(), c.Race()
			// The page writes the hash after each change, and the browser
			// then reports it changed (wasm/input.go): a Load of the link
			// of the race shown keeps it going too.
			for _, cmd := range append(cmds, loadOwnLink{}) {
				if _, own := cmd.(loadOwnLink); own {
					cmd = Load{Hash: c.State().Hash}
				}
				c.Do(cmd)
				if st := c.State(); st.Step != 7 || c.Problem() != p || c.Race() != r {
					t.Errorf("after %#v: step %d, problem %p, race %p; want step 7, problem %p, race %p", cmd, st.Step, c.Problem(), c.Race(), p, r)
				}
			}
		})
	}
}

// loadOwnLink stands for a Load of the controller's own hash at that moment.
type loadOwnLink struct{ Command }

// TestEditsThatRestart: what changes the race restarts it from the start.
func TestEditsThatRestart(t *testing.T) {
	tests := []struct {
		name string
		cmd  Command
	}{
		{"runner knob", SetParam{Runner: 0, Name: "lr", Text: "0.03"}}, // gd's default α is 0.05
		{"problem knob", SetParam{Runner: ProblemKnob, Name: "a2", Text: "5"}},
		{"seed", SetSeed{Text: "7"}},
		{"add", AddRunner{Optimizer: "adam"}},
		{"remove", RemoveRunner{Index: 1}},
		{"formula", SetFormula{Src: "x^2+y^2"}},
		{"problem", SetProblem{Name: "rosenbrock"}},
		{"reset", Reset{}},
		{"click", Click{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH}},
		{"load", Load{Hash: "problem=ill-conditioned&o=gd;momentum:m=0.5"}},
		{"configure", Configure{Hash: "o=gd:lr=0.01;momentum"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
			do(t, c, Step{N: 7})
			do(t, c, tt.cmd)
			st := c.State()
			if st.Step != 0 {
				t.Errorf("step %d after %#v, want 0", st.Step, tt.cmd)
			}
			for _, r := range st.Runners {
				if r.X != st.Start {
					t.Errorf("%s at %v, want at the start %v", r.Optimizer, r.X, st.Start)
				}
			}
		})
	}
}

// fig2bDivergesAt is the step at which Figure 2b's gradient descent leaves the
// arena, by hand: on f = 0.1x² + 10y² with α = 0.4 from (−4.5, 2) the iterates
// are x_k = −4.5·0.92^k, y_k = 2·(−7)^k (x ← (1 − 2·0.1·α)x, y ← (1 − 2·10·α)y,
// the notes' §3.3), and the arena is the domain [−5, 5]×[−3, 3] widened by
// race.DivergeWidths = 100 heights, |y| ≤ 3 + 600 = 603: |y_2| = 98 is inside,
// |y_3| = 686 is not (the loss has grown only ~10⁵-fold by then).
const fig2bDivergesAt = 3

// TestDivergenceNotesDoNotPileUp: each run explains a divergence once; a reset
// starts a new run whose divergence replaces the old note.
func TestDivergenceNotesDoNotPileUp(t *testing.T) {
	c := sized(t, "paused=1")
	do(t, c, Configure{Hash: "preset=fig2b"})
	const marker = "diverged at step"
	for run := range 4 {
		if run > 0 {
			do(t, c, Reset{})
			if n := count(c.Notes(), marker); n != 0 {
				t.Errorf("reset %d: %d divergence notes right after it, want 0", run, n)
			}
		}
		do(t, c, Step{N: 50})
		c.Tick()
		do(t, c, Step{N: 50})
		notes := c.Notes()
		if n := count(notes, marker); n != 1 {
			t.Fatalf("run %d: %d divergence notes %q, want 1", run, n, notes)
		}
		r := c.Race().Runners[0]
		if r.StatusStep != fig2bDivergesAt {
			t.Errorf("run %d: diverged at step %d, want %d", run, r.StatusStep, fig2bDivergesAt)
		}
		if want := legend.DivergenceNote(r); notes[len(notes)-1] != want {
			t.Errorf("run %d: note %q, want %q", run, notes[len(notes)-1], want)
		}
	}
}

// TestCommandsRefused: every command a learner or a script can get wrong is
// refused with one specific note, and changes nothing.
func TestCommandsRefused(t *testing.T) {
	tests := []struct {
		name string
		cmd  Command
		want []string // in the note
	}{
		{"unknown problem", SetProblem{Name: "nope"}, []string{`"nope"`, "kept ill-conditioned"}},
		{"formula typo", SetFormula{Src: "x^2 + * y"}, []string{"formula", "kept the previous surface"}},
		{"speed too low", SetSpeed{N: config.MinSpeed - 1}, []string{"speed", "kept 1"}},
		{"speed too high", SetSpeed{N: config.MaxSpeed + 1}, []string{"speed", "kept 1"}},
		{"seed not a number", SetSeed{Text: "abc"}, []string{"seed", "kept 1"}},
		{"unknown optimizer", AddRunner{Optimizer: "warp"}, []string{`"warp"`, "nothing added"}},
		{"remove out of range", RemoveRunner{Index: 2}, []string{"no runner 3"}},
		{"remove negative", RemoveRunner{Index: -1}, []string{"no runner 0"}},
		{"unknown knob", SetParam{Runner: 0, Name: "beta9", Text: "1"}, []string{`"beta9"`, "nothing changed"}},
		{"knob of no runner", SetParam{Runner: 5, Name: "lr", Text: "1"}, []string{`"lr"`, "nothing changed"}},
		{"step negative", Step{N: -1}, []string{"step", "took no step"}},
		{"step too many", Step{N: MaxStepsAtOnce + 1}, []string{"step", "took no step"}},
		// Two runners: MaxRunnerStepsAtOnce / 2 steps at once at most.
		{"step too much work", Step{N: MaxRunnerStepsAtOnce/2 + 1}, []string{"at most 50000 steps at once with 2 runners", "took no step"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
			do(t, c, Step{N: 2})
			before := c.State()
			notes := c.Do(tt.cmd)
			if len(notes) != 1 {
				t.Fatalf("notes %q, want one", notes)
			}
			for _, w := range tt.want {
				if !strings.Contains(notes[0], w) {
					t.Errorf("note %q does not say %q", notes[0], w)
				}
			}
			after := c.State()
			after.Notes, before.Notes = nil, nil
			if !reflect.DeepEqual(after, before) {
				t.Errorf("state changed by a refused command:\n got %+v\nwant %+v", after, before)
			}
		})
	}
}

// TestRemoveTheLastRunnerIsRefused: at least one runner races.
func TestRemoveTheLastRunnerIsRefused(t *testing.T) {
	c := sized(t, "o=gd&paused=1")
	if notes := c.Do(RemoveRunner{Index: 0}); len(notes) != 1 || len(c.State().Runners) != 1 {
		t.Errorf("removing the only runner: notes %q, %d runners; want one note and 1 runner", notes, len(c.State().Runners))
	}
}

// TestAddRunnerStopsAtMaxRunners: the panel cannot add a ninth runner.
func TestAddRunnerStopsAtMaxRunners(t *testing.T) {
	c := sized(t, "o=gd&paused=1")
	for i := 1; i < config.MaxRunners; i++ {
		do(t, c, AddRunner{Optimizer: "adam"})
	}
	notes := c.Do(AddRunner{Optimizer: "adam"})
	if n := len(c.State().Runners); n != config.MaxRunners || len(notes) != 1 || !strings.Contains(notes[0], "at most") {
		t.Errorf("adding a runner past the limit: %d runners, notes %q; want %d and one note", n, notes, config.MaxRunners)
	}
	// Removing one makes room again; the others keep their order.
	do(t, c, RemoveRunner{Index: 0})
	st := c.State()
	if len(st.Runners) != config.MaxRunners-1 || st.Runners[0].Optimizer != "adam" {
		t.Errorf("after removing gd: %d runners, first %s; want %d, first adam", len(st.Runners), st.Runners[0].Optimizer, config.MaxRunners-1)
	}
}

// TestCommandsApply: each command that succeeds does what it says.
func TestCommandsApply(t *testing.T) {
	tests := []struct {
		name  string
		cmd   Command
		check func(t *testing.T, st State, cfg config.Config)
	}{
		{"speed", SetSpeed{N: 12}, func(t *testing.T, st State, cfg config.Config) {
			if st.Speed != 12 || !strings.Contains(st.Hash, "speed=12") {
				t.Errorf("speed %d, hash %q; want 12 and speed=12", st.Speed, st.Hash)
			}
		}},
		{"seed", SetSeed{Text: " 42 "}, func(t *testing.T, st State, cfg config.Config) {
			if cfg.Seed != 42 || !strings.Contains(st.Hash, "seed=42") {
				t.Errorf("seed %d, hash %q; want 42", cfg.Seed, st.Hash)
			}
		}},
		{"problem", SetProblem{Name: "rosenbrock"}, func(t *testing.T, st State, cfg config.Config) {
			// Rosenbrock's own start is (−1.2, 1) (problems' catalog).
			if st.Problem != "rosenbrock" || st.Start != [2]float64{-1.2, 1} || cfg.HasStart || cfg.HasView {
				t.Errorf("problem %q start %v (own start %v, own view %v); want rosenbrock's own start (-1.2, 1) and view", st.Problem, st.Start, !cfg.HasStart, !cfg.HasView)
			}
		}},
		{"formula", SetFormula{Src: "  x^2 + 3*y^2 - x*y  "}, func(t *testing.T, st State, cfg config.Config) {
			x, y := st.Start[0], st.Start[1]
			if st.Expr != "x^2 + 3*y^2 - x*y" || st.Problem != "custom" {
				t.Fatalf("expr %q problem %q, want the trimmed formula on a custom problem", st.Expr, st.Problem)
			}
			if want := x*x + 3*y*y - x*y; math.Abs(st.Runners[0].Loss-want) > 1e-12 {
				t.Errorf("loss at the start %g, want f(%g, %g) = %g", st.Runners[0].Loss, x, y, want)
			}
		}},
		{"add", AddRunner{Optimizer: "adam"}, func(t *testing.T, st State, cfg config.Config) {
			a := st.Runners[len(st.Runners)-1]
			spec, _ := optim.Lookup("adam")
			if len(st.Runners) != 3 || a.Optimizer != "adam" || !reflect.DeepEqual(a.Params, spec.Defaults()) {
				t.Errorf("runners %+v, want a third, adam with its defaults", st.Runners)
			}
		}},
		{"remove", RemoveRunner{Index: 0}, func(t *testing.T, st State, cfg config.Config) {
			if len(st.Runners) != 1 || st.Runners[0].Optimizer != "momentum" {
				t.Errorf("runners %+v, want momentum alone", st.Runners)
			}
		}},
		{"default value leaves the link", SetParam{Runner: 1, Name: "m", Text: "0.9"}, func(t *testing.T, st State, cfg config.Config) {
			// momentum's m defaults to 0.9 (optim's spec): set to it, it is not written.
			if _, ok := cfg.Runners[1].Params["m"]; ok || strings.Contains(st.Hash, "momentum:") {
				t.Errorf("m set to its default is still explicit: params %v, hash %q", cfg.Runners[1].Params, st.Hash)
			}
		}},
		{"lbfgs", SetLBFGS{On: true}, func(t *testing.T, st State, cfg config.Config) {
			if !cfg.LBFGS || st.Reference == nil || !strings.Contains(st.Hash, "lbfgs=1") {
				t.Errorf("lbfgs %v, reference %v, hash %q; want on", cfg.LBFGS, st.Reference, st.Hash)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, "problem=ill-conditioned&o=gd;momentum:m=0.5&paused=1")
			do(t, c, tt.cmd)
			tt.check(t, c.State(), c.Config())
		})
	}
}

// TestPlayPauseStep: the race moves on Tick only when playing; Step moves it
// either way and StepOne pauses it first.
func TestPlayPauseStep(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd&speed=3")
	steps := []struct {
		name       string
		cmd        Command // nil: a Tick
		wantStep   int
		wantPaused bool
	}{
		{"tick while playing takes speed steps", nil, 3, false},
		{"pause", Pause{}, 3, true},
		{"tick while paused", nil, 3, true},
		{"step while paused", Step{N: 4}, 7, true},
		{"step zero", Step{N: 0}, 7, true},
		{"play", Play{}, 7, false},
		{"tick", nil, 10, false},
		{"toggle pauses", TogglePause{}, 10, true},
		{"toggle plays", TogglePause{}, 10, false},
		{"step one pauses", StepOne{}, 11, true},
		{"step one again", StepOne{}, 12, true},
		{"play again", Play{}, 12, false},
		{"play twice", Play{}, 12, false},
		{"reset keeps playing", Reset{}, 0, false},
	}
	for _, s := range steps {
		v := c.Version()
		if s.cmd == nil {
			c.Tick()
		} else {
			do(t, c, s.cmd)
		}
		st := c.State()
		if st.Step != s.wantStep || st.Paused != s.wantPaused {
			t.Errorf("%s: step %d paused %v, want %d %v", s.name, st.Step, st.Paused, s.wantStep, s.wantPaused)
		}
		if changed := c.Version() != v; s.name == "play twice" && changed {
			t.Errorf("%s: version changed, want the page left alone", s.name)
		}
	}
}

// TestTickStopsWhenTheRaceIsDone: a race whose runners all stopped does not
// advance its step count.
func TestTickStopsWhenTheRaceIsDone(t *testing.T) {
	c := sized(t, "preset=fig2b")
	for range 2 * fig2bDivergesAt {
		c.Tick()
	}
	if st := c.State(); st.Step != fig2bDivergesAt || !c.Race().Done() {
		t.Errorf("after %d ticks: step %d, done %v; want stopped at step %d", 2*fig2bDivergesAt, st.Step, c.Race().Done(), fig2bDivergesAt)
	}
}

// TestNoticeIsShownUntilTheRunRestarts: a message from outside (a shader that
// did not compile) belongs to the run.
func TestNoticeIsShownUntilTheRunRestarts(t *testing.T) {
	c := sized(t, "paused=1")
	v := c.Version()
	do(t, c, Notice{Text: "the field could not be drawn"})
	if got := c.Notes(); !reflect.DeepEqual(got, []string{"the field could not be drawn"}) || c.Version() == v {
		t.Errorf("notes %q, version %d→%d; want the notice and a new version", got, v, c.Version())
	}
	do(t, c, Reset{})
	if got := c.Notes(); len(got) != 0 {
		t.Errorf("notes %q after a reset, want none", got)
	}
}

// TestLinkNotes: a link's mistakes are notes, the rest of it applies; a later
// good change clears them.
func TestLinkNotes(t *testing.T) {
	c := New("problem=nope&speed=fast&o=gd;warp&start=1,2")
	st := c.State()
	if st.Problem != config.Default().Problem || st.Start != [2]float64{1, 2} || len(st.Runners) != 1 {
		t.Errorf("state %+v: want the default problem, the good start and the one known optimizer", st)
	}
	for _, want := range []string{`"nope"`, "speed", `"warp"`} {
		if count(st.Notes, want) == 0 {
			t.Errorf("notes %q do not mention %s", st.Notes, want)
		}
	}
	notes := c.Do(Configure{Hash: "problem=rosenbrock&bogus=1"})
	if len(notes) != 1 || !strings.Contains(notes[0], "bogus") || c.State().Problem != "rosenbrock" {
		t.Errorf("configure: notes %q, problem %q; want one note naming bogus, and rosenbrock", notes, c.State().Problem)
	}
	do(t, c, Load{Hash: "problem=quadratic"})
	if got := c.Notes(); len(got) != 0 || c.State().Problem != "quadratic" {
		t.Errorf("after a good link: notes %q, problem %q; want none, quadratic", got, c.State().Problem)
	}
}

// TestAStartOffTheSurfaceIsExplained: where the surface is not finite at the
// start (log x at the custom surfaces' start x = −4), every runner is
// diverged before its first step. The learner must be told once, while the
// race plays, and not told that a smaller α would help: no α takes a step.
func TestAStartOffTheSurfaceIsExplained(t *testing.T) {
	c := sized(t, "expr=log(x)%2By%5E2&o=gd")
	for range 3 {
		c.Tick()
	}
	if r := c.Race().Runners[0]; r.Status != race.Diverged || r.StatusStep != 0 {
		t.Fatalf("gd %v at step %d, want diverged at step 0: the test lost its point", r.Status, r.StatusStep)
	}
	notes := c.Notes()
	if n := count(notes, "Gradient descent"); n != 1 {
		t.Errorf("%d notes about gradient descent %q, want 1", n, notes)
	}
	if count(notes, "smaller α") != 0 {
		t.Errorf("notes %q advise a smaller α for a runner that never stepped", notes)
	}
}

// panicky is a command with a bug.
type panicky struct{}

func (panicky) apply(*Controller) []string { panic("boom") }

// TestACommandsBugIsANoteNotACrash: a command that panics is reported as a
// note, and the controller goes on working.
func TestACommandsBugIsANoteNotACrash(t *testing.T) {
	c := sized(t, "paused=1")
	notes := c.Do(panicky{})
	if len(notes) != 1 || !strings.Contains(notes[0], "boom") || !strings.Contains(notes[0], "Reloading") {
		t.Errorf("notes %q, want one naming the failure and what to do", notes)
	}
	do(t, c, Step{N: 3})
	if c.State().Step != 3 {
		t.Errorf("step %d after the bug, want 3", c.State().Step)
	}
}
