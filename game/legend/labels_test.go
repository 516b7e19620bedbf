package legend

import (
	"strings"
	"testing"

	"descent/game/race"
	"descent/problems"
)

// TestLabelsShowTheirText: a plain label shows its text, a title label its
// row's title, a chart label the chart's numbers, a spare element nothing.
func TestLabelsShowTheirText(t *testing.T) {
	l := Legend{
		Rows:  []Row{{Name: "Momentum", Params: "α=0.02 m=0.9", Loss: 1.5, State: race.Diverged, StatusStep: 7}},
		Chart: ChartLabels{Top: 2, Bottom: -3, FirstStep: 0, LastStep: 120},
		Labels: []Label{
			{X: 10, Y: 20.25, Text: "0.5", Class: XTickClass},
			{Row: 1, Class: TitleClass},
			{Chart: ChartTop, Class: TopRightClass},
			{Chart: ChartBottom, Class: BottomRightClass},
			{Chart: ChartSteps, Class: BottomLeftClass},
			{Row: 9, Text: "gone", Class: TitleClass},
		},
	}
	want := []string{"0.5", "Momentum α=0.02 m=0.9 · 1.5000 · diverged at step 7", "1e2", "1e-3", "steps 0–120", ""}
	for i, w := range want {
		if got := l.Shown(i).Text(); got != w {
			t.Errorf("label %d shows %q, want %q", i, got, w)
		}
	}
	if css := l.Shown(0).CSS(); css != "left:10.0px;top:20.2px" && css != "left:10.0px;top:20.3px" {
		t.Errorf("CSS %q", css)
	}
	if css := (Shown{Label: Label{X: 1, Y: 2, MaxWidth: 150.25, Class: TitleClass}}).CSS(); css != "left:1.0px;top:2.0px;max-width:150.2px" && css != "left:1.0px;top:2.0px;max-width:150.3px" {
		t.Errorf("a title's CSS %q, want its greatest width", css)
	}
	if s := l.Shown(len(l.Labels)); s.Class != HiddenClass {
		t.Errorf("a spare element has class %q, want %q", s.Class, HiddenClass)
	}
	// A chart label changes when the chart's numbers do; a plain one does not.
	before := l.Shown(4)
	l.Chart.LastStep = 121
	if l.Shown(4) == before || l.Shown(0) != l.Shown(0) {
		t.Error("a chart label did not follow the chart's steps")
	}
	// What the page writes: the steps' text changes, the decades' elements do not.
	if a, b := before.Element(), l.Shown(4).Element(); a.Text == b.Text || a.Class != b.Class || a.CSS != b.CSS {
		t.Errorf("the steps' element went from %+v to %+v, want a new text only", a, b)
	}
	top := l.Shown(2)
	l.Chart.LastStep = 122
	if l.Shown(2) == top || l.Shown(2).Element() != top.Element() {
		t.Errorf("the top decade's element went from %+v to %+v with the steps, want it kept", top.Element(), l.Shown(2).Element())
	}
}

// TestStartNote: runners that cannot start share one note, which names them
// and the point, and gives no advice about α.
func TestStartNote(t *testing.T) {
	p, _ := problems.Lookup("ill-conditioned")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "gd"}, {Optimizer: "adam"}, {Optimizer: "momentum"}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	note := StartNote(r.Runners)
	if !strings.HasPrefix(note, "Gradient descent, Adam and Momentum cannot start at (-4.5, 2)") || strings.Contains(note, "α") {
		t.Errorf("note %q", note)
	}
	if one := DivergenceNote(&race.Runner{Optimizer: "gd", Status: race.Diverged}); !strings.Contains(one, "cannot start") {
		t.Errorf("a divergence at step 0: %q, want the start note", one)
	}
}

func TestStatusLine(t *testing.T) {
	for _, c := range []struct {
		l    Legend
		want string
	}{
		{Legend{Step: 40}, "step 40"},
		{Legend{Step: 40, Paused: true}, "step 40 · paused"},
		{Legend{Step: NoStep, Paused: true}, ""},
	} {
		if got := c.l.StatusLine(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.l, got, c.want)
		}
	}
}
