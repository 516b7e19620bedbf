package control

import (
	"strconv"
	"strings"
	"testing"

	"descent/game/config"
	"descent/game/race"
)

func TestPlotKeys(t *testing.T) {
	cases := []struct {
		code  string
		shift bool
		want  Command
	}{
		{"ArrowLeft", true, MoveStart{DX: -1}},
		{"ArrowRight", true, MoveStart{DX: 1}},
		{"ArrowUp", true, MoveStart{DY: -1}},
		{"ArrowDown", true, MoveStart{DY: 1}},
		{"Enter", false, Reset{}},
		{"NumpadEnter", false, Reset{}},
		{"ArrowRight", false, StepOne{}}, // Keys' own: → is one step
		{"Space", false, TogglePause{}},
		{"KeyQ", false, nil},
	}
	for _, c := range cases {
		if got := PlotKey(c.code, c.shift); got != c.want {
			t.Errorf("PlotKey(%q, shift %v) = %#v, want %#v", c.code, c.shift, got, c.want)
		}
	}
}

// A key typed into a form control, or held with Ctrl, Meta or Alt, is not the
// plot's; any other is PlotKey's.
func TestKeyPressCommand(t *testing.T) {
	for _, c := range []struct {
		k    KeyPress
		want Command
	}{
		{KeyPress{Code: "Space", Target: "CANVAS"}, TogglePause{}},
		{KeyPress{Code: "ArrowRight", Target: "BODY", Shift: true}, MoveStart{DX: 1}},
		{KeyPress{Code: "Space", Target: "INPUT"}, nil},
		{KeyPress{Code: "Space", Target: "TEXTAREA"}, nil},
		{KeyPress{Code: "Enter", Target: "BUTTON"}, nil},
		{KeyPress{Code: "ArrowDown", Target: "SELECT"}, nil},
		{KeyPress{Code: "KeyR", Target: "CANVAS", Ctrl: true}, nil},
		{KeyPress{Code: "KeyR", Target: "CANVAS", Meta: true}, nil},
		{KeyPress{Code: "KeyF", Target: "CANVAS", Alt: true}, nil},
		{KeyPress{Code: "KeyR", Target: "CANVAS"}, Reset{}},
	} {
		if got := c.k.Command(); got != c.want {
			t.Errorf("%+v: %#v, want %#v", c.k, got, c.want)
		}
	}
}

// TestMoveStartNudgesByPixels: Shift+→ moves the start MoveStartPixels CSS
// pixels right, Shift+↑ as far up (y grows upwards in the world), and restarts.
func TestMoveStartNudgesByPixels(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&paused=1")
	do(t, c, Step{N: 10})
	before := c.race.Start
	do(t, c, MoveStart{DX: 1})
	after := c.race.Start
	// One device pixel is c.field.Scale world units; the start is rounded to a
	// tenth of a pixel (Click).
	wantDX := MoveStartPixels * testDPR * c.field.Scale
	if d := after[0] - before[0]; d < wantDX*0.95 || d > wantDX*1.05 || after[1] != before[1] {
		t.Errorf("Shift+→ moved the start by (%g, %g), want (%g, 0)", d, after[1]-before[1], wantDX)
	}
	if c.race.Step != 0 {
		t.Errorf("after MoveStart the race is at step %d, want 0 (restarted)", c.race.Step)
	}
	do(t, c, MoveStart{DY: -1})
	if d := c.race.Start[1] - after[1]; d < wantDX*0.95 || d > wantDX*1.05 {
		t.Errorf("Shift+↑ moved y by %g, want +%g", d, wantDX)
	}
	if got := c.Config().Start; !c.Config().HasStart || got != c.race.Start {
		t.Errorf("the config's start %v, want the race's %v (for the link)", got, c.race.Start)
	}
	// Before the first layout there is no plot to move on: nothing changes.
	u := New("problem=ill-conditioned")
	s := u.race.Start
	u.Do(MoveStart{DX: 1})
	if u.race.Start != s {
		t.Errorf("MoveStart before any layout moved the start to %v", u.race.Start)
	}
}

func TestStartHash(t *testing.T) {
	cases := []struct {
		hash    string
		reduced bool
		want    string
	}{
		{"problem=booth", false, "problem=booth"},
		{"problem=booth", true, "problem=booth&paused=1"},
		{"", true, "paused=1"},
		{"problem=booth&paused=0", true, "problem=booth&paused=0"}, // the link says play
		{"paused=1&problem=booth", true, "paused=1&problem=booth"},
		{"problem=booth&unpaused=1", true, "problem=booth&unpaused=1&paused=1"},
	}
	for _, c := range cases {
		if got := StartHash(c.hash, c.reduced); got != c.want {
			t.Errorf("StartHash(%q, %v) = %q, want %q", c.hash, c.reduced, got, c.want)
		}
		cfg, _ := config.Parse(StartHash(c.hash, c.reduced))
		if wantPaused := strings.Contains(c.want, "paused=1"); cfg.Paused != wantPaused {
			t.Errorf("%q starts paused %v, want %v", c.hash, cfg.Paused, wantPaused)
		}
	}
}

func TestPlotDescriptionNamesProblemRunnersAndStart(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=adam;gd&start=-1,2")
	got := c.PlotDescription()
	for _, want := range []string{c.problem.Title, c.problem.Formula, "Adam (orange circle)", "Gradient descent (sky blue square)", "(-1, 2)"} {
		if !strings.Contains(got, want) {
			t.Errorf("description %q lacks %q", got, want)
		}
	}
}

// TestAnnouncesStatusChangesOnce: Newton converges on the quadratic within
// 200 steps and the live region says so once; a diverging runner is
// announced too (α = 0.4 > 2/20 on the ill-conditioned quadratic, the notes'
// Figure 2b).
func TestAnnouncesStatusChangesOnce(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=newton;gd:lr=0.4&paused=1")
	v := c.Version()
	do(t, c, Step{N: 200})
	n, g := c.race.Runners[0], c.race.Runners[1]
	if n.Status != race.Converged || g.Status != race.Diverged {
		t.Fatalf("statuses %v and %v, want converged and diverged", n.Status, g.Status)
	}
	got := c.PageTexts()[1]
	if got[0] != AnnounceID {
		t.Fatalf("PageTexts()[1] is %q's, want %q's", got[0], AnnounceID)
	}
	for _, want := range []string{"converged at step " + itoa(n.StatusStep), "diverged at step " + itoa(g.StatusStep)} {
		if !strings.Contains(got[1], want) {
			t.Errorf("announcement %q lacks %q", got[1], want)
		}
	}
	if c.Version() == v {
		t.Error("the version did not move: the page would not show the announcement")
	}
	v = c.Version()
	do(t, c, Step{N: 10})
	if c.Version() != v {
		t.Error("ten more steps with no news moved the version")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestHintFollowsTheScene: the line under the plot says what the pointer does
// in the scene shown.
func TestHintFollowsTheScene(t *testing.T) {
	hint := func(c *Controller) string {
		for _, tx := range c.PageTexts() {
			if tx[0] == HintID {
				return tx[1]
			}
		}
		return ""
	}
	c := New("")
	if h := hint(c); !strings.Contains(h, "click: start here") {
		t.Errorf("race hint %q", h)
	}
	c.Do(Configure{Hash: "scene=bias-variance"})
	if h := hint(c); !strings.Contains(h, "θ") || strings.Contains(h, "start here") {
		t.Errorf("bias–variance hint %q, want the scene's", h)
	}
}

// ScreenOf rounds a canvas's CSS size up to whole device pixels.
func TestScreenOf(t *testing.T) {
	for _, c := range []struct {
		w, h int
		dpr  float64
		want Screen
	}{
		{980, 800, 1, Screen{980, 800, 1}},
		{400, 300, 2, Screen{800, 600, 2}},
		{333, 101, 1.5, Screen{500, 152, 1.5}}, // 499.5 and 151.5 rounded up
	} {
		if got := ScreenOf(c.w, c.h, c.dpr); got != c.want {
			t.Errorf("ScreenOf(%d, %d, %v) = %+v, want %+v", c.w, c.h, c.dpr, got, c.want)
		}
	}
}
