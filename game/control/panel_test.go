package control

import (
	"math"
	"strings"
	"testing"

	"descent/optim/param"
)

// find returns the panel's control with id, or fails.
func find(t *testing.T, cs []Control, id string) Control {
	t.Helper()
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no control %q in the panel", id)
	return Control{}
}

func TestPanelShowsTheStateAndSendsCommands(t *testing.T) {
	c := sized(t, "problem=rotated:kappa=50&o=gd;momentum&paused=1")
	cs := c.Panel()
	if v := find(t, cs, "problem").Value; v != "rotated" {
		t.Errorf("problem select shows %q", v)
	}
	if txt := find(t, cs, "play").Text; txt != "▶ Play" {
		t.Errorf("play button %q while paused", txt)
	}
	// Every knob appears once, in the order Knobs gives, with its value.
	var rows []Knob
	cards := 0
	for _, ctl := range cs {
		switch {
		case ctl.Kind == KnobRow && ctl.ID == "":
			rows = append(rows, ctl.Knob)
		case ctl.Kind == Card:
			cards++
			if ctl.Send == nil {
				t.Errorf("card %s has no remove button with two runners", ctl.Text)
			}
		}
	}
	if ks := c.Knobs(); len(rows) != len(ks) || cards != 2 {
		t.Fatalf("%d knob rows and %d cards, want %d and 2", len(rows), cards, len(ks))
	} else {
		for i := range ks {
			if rows[i] != ks[i] {
				t.Errorf("row %d is %+v, want %+v", i, rows[i], ks[i])
			}
		}
	}
	// The controls send what they say.
	send := func(id, v string) {
		t.Helper()
		if cmd := find(t, c.Panel(), id).Send(v); cmd != nil {
			c.Do(cmd)
		}
	}
	send("play", "")
	if c.State().Paused {
		t.Error("play did not play")
	}
	send("speed", "7")
	send("seed", "9")
	send("lbfgs", "1")
	send("add-optimizer", "adam")
	send("add-optimizer", "") // the prompt entry sends nothing
	st := c.State()
	if st.Speed != 7 || !strings.Contains(st.Hash, "seed=9") || st.Reference == nil || len(st.Runners) != 3 {
		t.Errorf("after the panel's edits: speed %d, hash %q, reference %v, %d runners", st.Speed, st.Hash, st.Reference != nil, len(st.Runners))
	}
	send("speed", "fast")
	if notes := c.Notes(); len(notes) == 0 || !strings.Contains(notes[0], `"fast"`) {
		t.Errorf("a speed of fast: notes %q", notes)
	}
	send("formula", "x^2+y^2")
	if st := c.State(); st.Expr != "x^2+y^2" {
		t.Errorf("formula: expr %q", st.Expr)
	}
	cs = c.Panel()
	if p := find(t, cs, "problem"); p.Value != "" || p.Options[len(p.Options)-1][1] != "Custom formula" {
		t.Errorf("with a formula the problem select shows %q, last option %q", p.Value, p.Options[len(p.Options)-1])
	}
	send("formula", "")
	send("preset", "")
	send("preset", "fig3")
	if st := c.State(); st.Problem != "ill-conditioned" || len(st.Runners) != 2 {
		t.Errorf("preset fig3: %s with %d runners", st.Problem, len(st.Runners))
	}
	if p := find(t, c.Panel(), "preset"); p.Value != "fig3" {
		t.Errorf("preset select shows %q after choosing fig3", p.Value)
	}
	send("problem", "booth")
	send("tune", "")
	if tune := find(t, c.Panel(), "tune"); !tune.Disabled || !strings.Contains(tune.Text, "Tuning α… 0%") {
		t.Errorf("tune while tuning: %q disabled %v", tune.Text, tune.Disabled)
	}
	if link := find(t, c.Panel(), "link"); link.Value != "#"+c.State().Hash {
		t.Errorf("link %q, want #%s", link.Value, c.State().Hash)
	}
}

func TestPanelForOneRunnerHasNoRemoveButtonAndEightHaveNoAdd(t *testing.T) {
	c := sized(t, "o=adam")
	for _, ctl := range c.Panel() {
		if ctl.Kind == Card && ctl.Send != nil {
			t.Error("the only runner can be removed")
		}
	}
	c = sized(t, "problem=booth&o=gd;gd;gd;gd;gd;gd;gd;gd")
	for _, ctl := range c.Panel() {
		if ctl.ID == "add-optimizer" {
			t.Error("eight runners and still an add menu")
		}
	}
	// A knob row's slider sends its position's value; the box the text typed.
	k := c.Knobs()[0]
	cmd := knobRow(k).Send(SliderText(k, param.SliderSteps)).(SetParam)
	if cmd.Runner != 0 || cmd.Name != "lr" || cmd.Text != "10" {
		t.Errorf("slider at its right end sends %+v", cmd)
	}
}

func TestGesture(t *testing.T) {
	var g Gesture
	if g.Move(5, 5) != nil || g.Pressed() {
		t.Error("a move without a press did something")
	}
	if pan, click := g.Up(1, 1); pan != nil || click {
		t.Error("a release without a press did something")
	}
	// A press and release within DragSlop is a click, with no pan.
	g.Down(100, 100, 800, 600)
	if g.Move(102, 101) != nil {
		t.Error("a move within the slop panned")
	}
	if pan, click := g.Up(103, 100); pan != nil || !click {
		t.Errorf("press and release 3 px apart: pan %v, click %v; want a click", pan, click)
	}
	// Beyond it, a drag: the pans add up to the whole distance, and no click.
	g.Down(100, 100, 800, 600)
	total := [2]float64{}
	for _, p := range [][2]float64{{103, 100}, {110, 104}, {150, 130}} {
		if pan, ok := g.Move(p[0], p[1]).(Pan); ok {
			total[0] += pan.DX
			total[1] += pan.DY
			if pan.CanvasW != 800 || pan.CanvasH != 600 {
				t.Errorf("pan on a canvas %vx%v", pan.CanvasW, pan.CanvasH)
			}
		}
	}
	pan, click := g.Up(160, 140)
	if p, ok := pan.(Pan); ok {
		total[0] += p.DX
		total[1] += p.DY
	}
	if click || total != [2]float64{60, 40} {
		t.Errorf("drag from (100, 100) to (160, 140): panned %v, click %v; want (60, 40) and no click", total, click)
	}
}

func TestWheelZoomAndKeys(t *testing.T) {
	// 100 px of wheel is e^0.15 ≈ 1.16: about 16% out.
	if z := WheelZoom(100, 0, 600); math.Abs(z-math.Exp(0.15)) > 1e-12 {
		t.Errorf("100 px: %v", z)
	}
	if WheelZoom(-100, 0, 600)*WheelZoom(100, 0, 600) != 1 {
		t.Error("a turn back does not undo a turn")
	}
	if WheelZoom(1, 1, 600) != WheelZoom(16, 0, 600) || WheelZoom(1, 2, 600) != WheelZoom(600, 0, 600) {
		t.Error("lines are 16 px and pages the canvas's height")
	}
	for code, want := range map[string]Command{"Space": TogglePause{}, "ArrowRight": StepOne{}, "KeyR": Reset{}, "KeyF": Fit{}, "KeyQ": nil} {
		if got := Keys(code); got != want {
			t.Errorf("Keys(%s) = %#v, want %#v", code, got, want)
		}
	}
}

func TestKindsHaveNames(t *testing.T) {
	for k, want := range map[ViewKind]string{FieldView: "field", ChartView: "chart", ViewKind(9): "ViewKind(9)"} {
		if k.String() != want {
			t.Errorf("%d: %q", k, k.String())
		}
	}
	for m, want := range map[PageMode]string{SidePanel: "side", SheetPanel: "sheet", Embedded: "embed", PageMode(7): "PageMode(7)"} {
		if m.String() != want {
			t.Errorf("%d: %q", m, m.String())
		}
	}
}
