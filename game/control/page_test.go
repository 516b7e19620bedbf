package control

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"descent/game/config"
	"descent/problems"
)

// scenario is a sequence of commands that ends in a setup worth checking.
type scenario struct {
	name string
	hash string
	cmds []Command
}

var scenarios = []scenario{
	{"first visit", "", nil},
	{"preset and speed", "", []Command{Configure{Hash: "preset=fig3"}, SetSpeed{N: 5}}},
	{"clicked start", "problem=rosenbrock&o=adam", []Command{Resize{Screen: testScreen}, Click{X: 123, Y: 45, CanvasW: cssW, CanvasH: cssH}}},
	{"panned and zoomed", "problem=beale&paused=1", []Command{Resize{Screen: testScreen}, Pan{DX: 7, DY: 3, CanvasW: cssW, CanvasH: cssH}, Zoom{X: 50, Y: 60, CanvasW: cssW, CanvasH: cssH, Factor: 0.7}}},
	{"formula with symbols", "", []Command{SetFormula{Src: "(x - 1)^2 + 3*(y + 2)^2 & # % = ;"}, SetFormula{Src: "(x - 1)^2 + 3*(y + 2)^2/4"}}},
	{"problem knobs", "problem=rotated", []Command{SetParam{Runner: ProblemKnob, Name: "kappa", Text: "50"}, SetParam{Runner: ProblemKnob, Name: "angle", Text: "-12.5"}}},
	{"runner knobs", "o=adam;sgd", []Command{SetProblem{Name: "regression"}, SetParam{Runner: 0, Name: "beta2", Text: "0.9995"}, SetParam{Runner: 1, Name: "batch", Text: "4"}, SetSeed{Text: "99"}}},
	{"every switch", "embed=1", []Command{Pause{}, SetLBFGS{On: true}, AddRunner{Optimizer: "newton"}, RemoveRunner{Index: 0}}},
}

// run builds the controller of s.
func (s scenario) run(t *testing.T) *Controller {
	t.Helper()
	c := New(s.hash)
	for _, cmd := range s.cmds {
		c.Do(cmd)
	}
	return c
}

// TestPageHashRoundTrips: the link the page shows reads back, through
// config.Parse, as the setup shown, with no note.
func TestPageHashRoundTrips(t *testing.T) {
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			c := s.run(t)
			p := c.Page()
			cfg, errs := config.Parse(p.Hash)
			if len(errs) > 0 {
				t.Fatalf("config.Parse(%q): %v", p.Hash, errs)
			}
			if got := cfg.Hash(); got != p.Hash {
				t.Errorf("config.Parse(%q).Hash() = %q, want it back", p.Hash, got)
			}
			if got := p.Config.Hash(); got != p.Hash {
				t.Errorf("Page.Config.Hash() = %q, want the page's %q", got, p.Hash)
			}
			if !reflect.DeepEqual(cfg, p.Config) {
				t.Errorf("the link reads back as\n%+v\nwant the page's\n%+v", cfg, p.Config)
			}
			if st := c.State(); st.Hash != p.Hash {
				t.Errorf("State().Hash %q, want the page's %q", st.Hash, p.Hash)
			}
		})
	}
}

// TestPageChangesOnlyWithVersion: the game shows the page again only when the
// version changed (game.go), so a page that changed without it is never shown.
func TestPageChangesOnlyWithVersion(t *testing.T) {
	cmds := []Command{
		nil, // a Tick
		Step{N: 3}, Pause{}, nil, SetSpeed{N: 4}, Play{}, nil, Resize{Screen: testScreen},
		Click{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH}, nil, Pan{DX: 3, DY: 4, CanvasW: cssW, CanvasH: cssH}, Fit{},
		SetParam{Runner: 0, Name: "lr", Text: "0.4"}, Step{N: 20}, nil, Reset{}, SetParam{Runner: 0, Name: "lr", Text: "oops"},
		Tune{}, nil, nil, nil, nil, nil, nil, nil, nil, SetLBFGS{On: true}, nil, Notice{Text: "hello"},
		SetProblem{Name: "rotated"}, SetParam{Runner: ProblemKnob, Name: "kappa", Text: "30"}, SetFormula{Src: "x^2+y^2"},
		AddRunner{Optimizer: "adam"}, RemoveRunner{Index: 0}, SetSeed{Text: "5"}, Load{Hash: "preset=fig4"}, StepOne{}, TogglePause{},
	}
	c := New("problem=ill-conditioned&o=gd")
	for i, cmd := range cmds {
		before, v := c.Page(), c.Version()
		if cmd == nil {
			c.Tick()
		} else {
			c.Do(cmd)
		}
		if after := c.Page(); c.Version() == v && !reflect.DeepEqual(after, before) {
			t.Errorf("command %d (%#v) changed the page without a new version:\n got %+v\nwant %+v", i, cmd, after, before)
		}
	}
}

// TestPagePreset: the page names the preset while the setup is still it,
// whatever the speed, pause or view, and nothing once the race differs.
func TestPagePreset(t *testing.T) {
	steps := []struct {
		cmd  Command
		want string
	}{
		{Configure{Hash: "preset=fig3"}, "fig3"},
		{SetSpeed{N: 7}, "fig3"},
		{Pause{}, "fig3"},
		{Pan{DX: 10, DY: 10, CanvasW: cssW, CanvasH: cssH}, "fig3"},
		{Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0.8}, "fig3"},
		{Fit{}, "fig3"},
		{Step{N: 10}, "fig3"},
		{SetParam{Runner: 1, Name: "m", Text: "0.8"}, ""},
		{SetParam{Runner: 1, Name: "m", Text: "0.9"}, "fig3"}, // back to the preset's own m
		{Click{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH}, ""},
		{Configure{Hash: "preset=fig2b&speed=5"}, "fig2b"},
		{Configure{Hash: "o=gd:lr=0.05"}, ""}, // build's TestPresetFigure2bDivergesAsInTheNotes
		{Configure{Hash: "preset=fig2b&speed=5"}, "fig2b"},
		{SetSeed{Text: "2"}, ""},
		{Load{Hash: "problem=ill-conditioned&start=-4.5,2&o=gd:lr=0.01"}, "fig2c"}, // fig2c's setup, typed out
		{AddRunner{Optimizer: "gd"}, ""},
		{Load{Hash: "preset=newton-saddle"}, "newton-saddle"},
		{SetProblem{Name: "quadratic"}, ""},
	}
	c := sized(t, "")
	for i, s := range steps {
		do(t, c, s.cmd)
		if got := c.Page().Preset; got != s.want {
			t.Errorf("step %d (%#v): preset %q, want %q", i, s.cmd, got, s.want)
		}
	}
	for _, pr := range config.Presets() {
		if got := New("preset=" + pr.Name).Page().Preset; got != pr.Name {
			t.Errorf("preset=%s shows preset %q, want %q", pr.Name, got, pr.Name)
		}
	}
}

// TestPageShape: the panel's controls are rebuilt exactly when the problem
// or the list of optimizers changes.
func TestPageShape(t *testing.T) {
	steps := []struct {
		cmd     Command
		changes bool
	}{
		{SetParam{Runner: 0, Name: "lr", Text: "0.2"}, false},
		{SetParam{Runner: ProblemKnob, Name: "a1", Text: "0.5"}, false},
		{SetSpeed{N: 9}, false},
		{SetSeed{Text: "3"}, false},
		{Pause{}, false},
		{SetLBFGS{On: true}, false},
		{Tune{}, false},
		{Reset{}, false},
		{Configure{Hash: "o=gd:lr=0.01;momentum:m=0.5"}, false}, // the same optimizers, other values
		{AddRunner{Optimizer: "adam"}, true},
		{AddRunner{Optimizer: "adam"}, true},
		{RemoveRunner{Index: 3}, true},
		{SetProblem{Name: "rosenbrock"}, true},
		{SetProblem{Name: "rosenbrock"}, false},
		{SetFormula{Src: "x^2+y^2"}, true},
		{SetFormula{Src: "x^2+2*y^2"}, true},
		{SetFormula{Src: "x^2+"}, false}, // refused
		{SetProblem{Name: "rosenbrock"}, true},
		{Configure{Hash: "o=momentum;gd"}, true}, // the same optimizers in another order
		{Load{Hash: "problem=rosenbrock&o=momentum;gd&speed=3"}, false},
	}
	c := sized(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
	shape := c.Page().Shape
	for i, s := range steps {
		c.Do(s.cmd)
		got := c.Page().Shape
		if (got != shape) != s.changes {
			t.Errorf("step %d (%#v): shape %q → %q, want changed %v", i, s.cmd, shape, got, s.changes)
		}
		shape = got
	}
}

// TestPageKnobs: the knobs are the problem's parameters, then each runner's,
// in the specs' order, with the values in force.
func TestPageKnobs(t *testing.T) {
	c := sized(t, "problem=rotated:kappa=50&o=gd:lr=0.07;momentum&paused=1")
	type knob struct {
		id    string
		value float64
	}
	// rotated's angle defaults to 30 and momentum's m to 0.9 (the specs), its lr
	// is rotated's recommendation (problems.Recommended).
	momLR := c.Config().Baseline("momentum")["lr"]
	want := []knob{{"problem.kappa", 50}, {"problem.angle", 30}, {"0.lr", 0.07}, {"1.lr", momLR}, {"1.m", 0.9}}
	check := func(when string) {
		t.Helper()
		var got []knob
		for _, k := range c.Page().Knobs {
			got = append(got, knob{k.ID(), k.Value})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: knobs %v, want %v", when, got, want)
		}
	}
	check("from the link")
	do(t, c, SetParam{Runner: 1, Name: "m", Text: "0.5"})
	want[4].value = 0.5
	check("after setting m")
	do(t, c, SetParam{Runner: ProblemKnob, Name: "angle", Text: "-45"})
	want[1].value = -45
	check("after setting the angle")

	k := knobOf(t, c, 1, "m")
	if k.Label() != "momentum m" || k.SliderPos() != k.Param.SliderPos(0.5) {
		t.Errorf("label %q, slider %d; want \"momentum m\", %d", k.Label(), k.SliderPos(), k.Param.SliderPos(0.5))
	}
	// A typed formula has no parameters.
	do(t, c, SetFormula{Src: "x^2 + y^2"})
	for _, k := range c.Knobs() {
		if k.Runner == ProblemKnob {
			t.Errorf("knob %s on a typed formula, want none of the problem's", k.ID())
		}
	}
	if notes := c.Do(SetParam{Runner: ProblemKnob, Name: "kappa", Text: "5"}); len(notes) != 1 {
		t.Errorf("setting kappa on a formula: notes %q, want one", notes)
	}
}

// TestPageText: the sentences around the controls follow the setup.
func TestPageText(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=gd&paused=1")
	rosen, _ := problems.Lookup("rosenbrock")
	p := c.Page()
	if p.Description != rosen.Description || p.Speed != "1 step per frame" || !strings.HasPrefix(p.Start, "start: the problem's own") || p.Embed || p.Tuning != -1 {
		t.Errorf("page %+v, want rosenbrock's description, 1 step, its own start, no embedding, no tuning", p)
	}
	do(t, c, SetSpeed{N: 25})
	do(t, c, Notice{Text: "two"})
	c.Do(SetSpeed{N: 0})
	p = c.Page()
	if p.Speed != "25 steps per frame" {
		t.Errorf("speed %q, want 25 steps per frame", p.Speed)
	}
	if lines := strings.Split(p.Notes, "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "speed") || lines[1] != "two" {
		t.Errorf("notes %q, want the refusal then the run's notice, a line each", p.Notes)
	}
	if !New("embed=1").Page().Embed {
		t.Errorf("embed=1 does not embed the page")
	}
}

// TestPageLayout: a narrow window puts the panel under the plot, embed=1
// shows the plot alone, and the CSS reads the layout numbers written here.
func TestPageLayout(t *testing.T) {
	tests := []struct {
		winW  float64
		embed bool
		want  PageMode
		name  string
	}{
		{SheetBelow + 300, false, SidePanel, "side"},
		{SheetBelow, false, SidePanel, "side"},
		{SheetBelow - 1, false, SheetPanel, "sheet"},
		{390, false, SheetPanel, "sheet"}, // a common phone, in CSS pixels
		{SheetBelow + 300, true, Embedded, "embed"},
		{390, true, Embedded, "embed"},
	}
	for _, tt := range tests {
		mode, vars := PageLayout(tt.winW, tt.embed)
		if mode != tt.want || mode.String() != tt.name {
			t.Errorf("PageLayout(%g, %v) = %v (%q), want %v (%q)", tt.winW, tt.embed, mode, mode.String(), tt.want, tt.name)
		}
		// The stylesheet reads these numbers: each must be the Go constant
		// it comes from, in CSS units, and the sheet and the plot share the
		// window's height between them.
		num := map[string]float64{}
		for _, kv := range vars {
			v, err := strconv.ParseFloat(strings.TrimRight(kv[1], "px%"), 64)
			if err != nil {
				t.Fatalf("CSS variable %s = %q is not a number with a unit", kv[0], kv[1])
			}
			num[kv[0]+unit(kv[1])] = v
		}
		want := map[string]float64{
			"--panel-width px": PanelWidth, "--chart-max px": chartMaxWidth, "--chart-share": chartShare,
			"--sheet-share %": 100 * SheetShare, "--plot-share %": 100 * (1 - SheetShare), "--axis-strip px": axisStrip,
		}
		if len(num) != len(want) {
			t.Errorf("CSS variables %q, want %d of them", vars, len(want))
		}
		for k, w := range want {
			if v, ok := num[k]; !ok || math.Abs(v-w) > 1e-9 {
				t.Errorf("CSS variable %s = %v (found %v), want %v", k, v, ok, w)
			}
		}
		if sum := num["--sheet-share %"] + num["--plot-share %"]; math.Abs(sum-100) > 1e-9 {
			t.Errorf("the sheet and the plot share %v%% of the height, want 100%%", sum)
		}
	}
	if s := PageMode(9).String(); s != "PageMode(9)" {
		t.Errorf("PageMode(9).String() = %q", s)
	}
}

// unit returns a CSS value's unit, with a space before it: " px", " %" or "".
func unit(v string) string {
	switch {
	case strings.HasSuffix(v, "px"):
		return " px"
	case strings.HasSuffix(v, "%"):
		return " %"
	}
	return ""
}

// TestKnobIDsAreUnique: the panel names each slider and box by its knob's ID
// (data-param and aria-label, wasm/panel.go), so two runners of one optimizer
// must not share names: Knob.ID's doc promises the runner's index ("1.lr").
func TestKnobIDsAreUnique(t *testing.T) {
	c := sized(t, "problem=rotated&o=gd;gd:lr=0.01;adam&paused=1")
	seen := map[string]Knob{}
	for _, k := range c.Knobs() {
		if prev, dup := seen[k.ID()]; dup {
			t.Errorf("knobs of runners %d and %d both have the ID %q", prev.Runner, k.Runner, k.ID())
		}
		seen[k.ID()] = k
	}
}
