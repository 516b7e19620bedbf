package control

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"descent/optim/param"
)

// find returns the panel's node with id, or fails.
func find(t *testing.T, root Node, id string) Node {
	t.Helper()
	var found *Node
	root.Walk(func(n *Node) {
		if n.Attr("id") == id && found == nil {
			found = n
		}
	})
	if found == nil {
		t.Fatalf("no element #%s in the panel", id)
	}
	return *found
}

// all returns the panel's nodes for which keep is true, in order.
func all(root Node, keep func(n *Node) bool) []Node {
	var out []Node
	root.Walk(func(n *Node) {
		if keep(n) {
			out = append(out, *n)
		}
	})
	return out
}

func TestPanelShowsTheStateAndSendsCommands(t *testing.T) {
	c := sized(t, "problem=rotated:kappa=50&o=gd;momentum&paused=1")
	p := c.Panel("")
	if v := find(t, p, "problem").Value; v != "rotated" {
		t.Errorf("problem select shows %q", v)
	}
	if txt := find(t, p, "play").Text; txt != "▶ Play" {
		t.Errorf("play button %q while paused", txt)
	}
	// Every knob has a slider and a box, in the order Knobs gives, showing its value.
	sliders := all(p, func(n *Node) bool { return n.Attr("type") == "range" && n.Attr("data-param") != "" })
	boxes := all(p, func(n *Node) bool { return n.Attr("class") == "num" && n.Attr("data-param") != "" })
	removes := all(p, func(n *Node) bool { return n.Attr("class") == "remove" })
	ks := c.Knobs()
	if len(sliders) != len(ks) || len(boxes) != len(ks) || len(removes) != 2 {
		t.Fatalf("%d sliders, %d boxes and %d remove buttons, want %d, %d and 2", len(sliders), len(boxes), len(removes), len(ks), len(ks))
	}
	for i, k := range ks {
		if sliders[i].Attr("data-param") != k.ID() || sliders[i].Value != strconv.Itoa(k.SliderPos()) || boxes[i].Value != strconv.FormatFloat(k.Value, 'g', 4, 64) {
			t.Errorf("knob %s: slider %s at %s, box %s", k.ID(), sliders[i].Attr("data-param"), sliders[i].Value, boxes[i].Value)
		}
	}
	// The controls send what they say.
	send := func(id, v string) {
		t.Helper()
		if cmd := find(t, c.Panel(""), id).Send(v); cmd != nil {
			c.Do(cmd)
		}
	}
	send("play", "")
	if c.State().Paused {
		t.Error("play did not play")
	}
	send("speed", "500") // the slider's middle: 1 + 0.5·199 = 100.5, a whole 100 or 101
	if s := c.State().Speed; s < 100 || s > 101 {
		t.Errorf("speed slider's middle: %d", s)
	}
	send("seed", "9")
	send("lbfgs", "1")
	send("add-optimizer", "adam")
	send("add-optimizer", "") // the prompt entry sends nothing
	st := c.State()
	if !strings.Contains(st.Hash, "seed=9") || st.Reference == nil || len(st.Runners) != 3 {
		t.Errorf("after the panel's edits: hash %q, reference %v, %d runners", st.Hash, st.Reference != nil, len(st.Runners))
	}
	speedBox := all(c.Panel(""), func(n *Node) bool { return n.Attr("aria-label") == "speed value" })[0]
	c.Do(speedBox.Send("fast"))
	if notes := c.Notes(); len(notes) == 0 || !strings.Contains(notes[0], `"fast"`) {
		t.Errorf("a speed of fast: notes %q", notes)
	}
	c.Do(speedBox.Send("7"))
	if c.State().Speed != 7 {
		t.Errorf("speed box 7: speed %d", c.State().Speed)
	}
	if find(t, c.Panel(""), "speed").Send("x") != nil {
		t.Error("a slider position that is not a number sent a command")
	}
	send("formula", "x^2+y^2")
	if st := c.State(); st.Expr != "x^2+y^2" {
		t.Errorf("formula: expr %q", st.Expr)
	}
	if pr := find(t, c.Panel(""), "problem"); pr.Value != "" || pr.Kids[len(pr.Kids)-1].Text != "Custom formula" {
		t.Errorf("with a formula the problem select shows %q", pr.Value)
	}
	send("formula", "")
	send("preset", "")
	send("preset", "fig3")
	if st := c.State(); st.Problem != "ill-conditioned" || len(st.Runners) != 2 {
		t.Errorf("preset fig3: %s with %d runners", st.Problem, len(st.Runners))
	}
	if pr := find(t, c.Panel(""), "preset"); pr.Value != "fig3" {
		t.Errorf("preset select shows %q after choosing fig3", pr.Value)
	}
	send("problem", "booth")
	send("tune", "")
	if tune := find(t, c.Panel(""), "tune"); tune.Attr("disabled") != "true" || !strings.Contains(tune.Text, "Tuning α… 0%") {
		t.Errorf("tune while tuning: %q disabled %q", tune.Text, tune.Attr("disabled"))
	}
	if link := find(t, c.Panel(""), "link"); link.Value != "#"+c.State().Hash {
		t.Errorf("link %q, want #%s", link.Value, c.State().Hash)
	}
	rm := all(c.Panel(""), func(n *Node) bool { return n.Attr("class") == "remove" })
	c.Do(rm[0].Send(""))
	if n := len(c.State().Runners); n != 1 {
		t.Errorf("%d runners after removing one of two", n)
	}
}

func TestPanelForOneRunnerHasNoRemoveButtonAndEightHaveNoAdd(t *testing.T) {
	c := sized(t, "o=adam")
	if rm := all(c.Panel(""), func(n *Node) bool { return n.Attr("class") == "remove" }); len(rm) != 0 {
		t.Error("the only runner can be removed")
	}
	c = sized(t, "problem=booth&o=gd;gd;gd;gd;gd;gd;gd;gd")
	if add := all(c.Panel(""), func(n *Node) bool { return n.Attr("id") == "add-optimizer" }); len(add) != 0 {
		t.Error("eight runners and still an add menu")
	}
	// A knob row's slider sends its position's value.
	k := c.Knobs()[0]
	cmd := knobRow(k).Kids[1].Send(strconv.Itoa(param.SliderSteps)).(SetParam)
	if cmd.Runner != 0 || cmd.Name != "lr" || cmd.Text != "10" {
		t.Errorf("slider at its right end sends %+v", cmd)
	}
}

// TestPanelShapeChangesWithWhatItHolds: the page rebuilds the panel only when
// its shape changes — a new problem, runner or formula — not for a value.
func TestPanelShapeChangesWithWhatItHolds(t *testing.T) {
	c := sized(t, "o=gd;momentum")
	shape := c.Panel("").Shape()
	for _, cmd := range []Command{SetSpeed{N: 5}, SetParam{Runner: 0, Name: "lr", Text: "0.07"}, TogglePause{}, SetSeed{Text: "4"}} {
		c.Do(cmd)
		if c.Panel("").Shape() != shape {
			t.Errorf("%#v changed the panel's shape", cmd)
		}
	}
	for _, cmd := range []Command{AddRunner{Optimizer: "adam"}, SetProblem{Name: "booth"}, SetFormula{Src: "x^2+y^2"}} {
		c.Do(cmd)
		if s := c.Panel("").Shape(); s == shape {
			t.Errorf("%#v did not change the panel's shape", cmd)
		} else {
			shape = s
		}
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

// EditsFrom writes what differs: everything to a new element, then the
// attributes set or changed, those gone, and the text of a leaf that changed.
func TestEditsFrom(t *testing.T) {
	was := El("button", "id", "go", "class", "on", "title", "Run").Say("Run")
	now := El("button", "id", "go", "class", "off", "aria-pressed", "true").Say("Stop")
	e := now.EditsFrom(&was)
	if !reflect.DeepEqual(e, Edits{Set: [][2]string{{"class", "off"}, {"aria-pressed", "true"}}, Remove: []string{"title"}, Text: true}) {
		t.Errorf("edits %+v", e)
	}
	if e := now.EditsFrom(&now); len(e.Set)+len(e.Remove) > 0 || e.Text {
		t.Errorf("no change, edits %+v", e)
	}
	if e := now.EditsFrom(&Node{}); len(e.Set) != 3 || len(e.Remove) != 0 || !e.Text {
		t.Errorf("a new element, edits %+v, want every attribute and the text", e)
	}
	parent := El("div").With(El("span").Say("a"))
	if e := parent.EditsFrom(&Node{}); e.Text {
		t.Error("a node with children had its text written")
	}
	box, text := El("input", "type", "checkbox"), El("input", "type", "number")
	if !box.Checkbox() || text.Checkbox() || El("div", "type", "checkbox").Checkbox() {
		t.Error("Checkbox: want true only for an input of type checkbox")
	}
}
