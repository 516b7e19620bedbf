package control

// The non-pixel behaviours the browser suite (build/*_test.go) checks, here
// without a browser: the same sessions, as commands.

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"descent/game/race"
	"descent/optim"
)

// TestPanelSession follows build's TestPanelEditsTheRace.
func TestPanelSession(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
	do(t, c, Step{N: 10})
	// Typing a learning rate restarts the race with it.
	do(t, c, SetParam{Runner: 0, Name: "lr", Text: "0.07"})
	if st := c.State(); st.Runners[0].Params["lr"] != 0.07 || st.Step != 0 {
		t.Errorf("after typing 0.07: gd lr %g at step %d, want 0.07 at step 0", st.Runners[0].Params["lr"], st.Step)
	}
	// An out-of-range value is refused, naming the parameter and its range,
	// optim's [1e-6, 10] for every α.
	notes := c.Do(SetParam{Runner: 0, Name: "lr", Text: "50"})
	if lr := c.State().Runners[0].Params["lr"]; lr != 0.07 || len(notes) != 1 || !strings.Contains(notes[0], "lr") || !strings.Contains(notes[0], "1e-06 to 10") {
		t.Errorf("after typing 50: lr %g, notes %q; want 0.07 kept and a note naming lr and 1e-06 to 10", lr, notes)
	}
	// The slider is log-scaled over [1e-6, 10]: its middle is √(1e-6·10) ≈ 0.00316.
	momentum, _ := optim.Lookup("momentum")
	mid := momentum.Params[0].FromSlider(500)
	do(t, c, SetParam{Runner: 1, Name: "lr", Text: text(mid)})
	if m := c.State().Runners[1].Params["lr"]; m != 0.00316 {
		t.Errorf("momentum lr %g after the slider's middle, want 0.00316", m)
	}
	do(t, c, AddRunner{Optimizer: "adam"})
	do(t, c, RemoveRunner{Index: 0})
	st := c.State()
	if len(st.Runners) != 2 || st.Runners[0].Optimizer != "momentum" || st.Runners[1].Optimizer != "adam" {
		t.Errorf("runners after adding adam and removing gd: %+v", st.Runners)
	}
	do(t, c, SetProblem{Name: "rosenbrock"})
	st = c.State()
	if st.Problem != "rosenbrock" || st.Start != [2]float64{-1.2, 1} || !strings.Contains(st.Hash, "problem=rosenbrock") || !strings.Contains(st.Hash, "adam") {
		t.Errorf("problem %q start %v hash %q, want rosenbrock from (-1.2, 1), in the link with adam", st.Problem, st.Start, st.Hash)
	}
	do(t, c, SetProblem{Name: "rotated"})
	do(t, c, SetParam{Runner: ProblemKnob, Name: "kappa", Text: "50"})
	if h := c.State().Hash; !strings.Contains(h, "problem=rotated:kappa=50") {
		t.Errorf("hash %q does not hold kappa=50", h)
	}
	if f := c.Frame().Legend.Formula; !strings.Contains(f, "κ = 50") {
		t.Errorf("legend formula %q does not show κ = 50", f)
	}
	do(t, c, TogglePause{})
	if c.State().Paused {
		t.Errorf("Play did not resume")
	}
}

// TestRunnersAdvanceWhenPlaying follows build's TestRunnersAdvance: on the
// first visit's setup every runner moves downhill tick by tick.
func TestRunnersAdvanceWhenPlaying(t *testing.T) {
	c := sized(t, "")
	first := c.State()
	for range 30 {
		c.Tick()
	}
	st := c.State()
	if st.Step != 30 {
		t.Errorf("step %d after 30 ticks at speed 1, want 30", st.Step)
	}
	for i, r := range st.Runners {
		if r.X == first.Start || !(r.Loss < first.Runners[i].Loss) {
			t.Errorf("%s at %v with loss %g, want it moved below its start's %g", r.Optimizer, r.X, r.Loss, first.Runners[i].Loss)
		}
	}
}

// TestGDAboveTwoOverLambdaDivergesAlone follows the browser test of that
// name: f = 0.1x² + 10y² has λmax = 20, so gradient descent is stable only for
// α < 2/λmax = 0.1 (the notes' §3.3); at 0.11 its y error grows 1.2 times a step.
func TestGDAboveTwoOverLambdaDivergesAlone(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=0.11;momentum;rmsprop;adam&paused=1")
	do(t, c, Step{N: 5000})
	st := c.State()
	gd := st.Runners[0]
	if gd.Status != race.Diverged || gd.StatusStep <= 0 {
		t.Fatalf("gd %v at step %d, want diverged at a step > 0", gd.Status, gd.StatusStep)
	}
	for _, r := range st.Runners[1:] {
		if r.Status == race.Diverged {
			t.Errorf("%s diverged too, at step %d", r.Optimizer, r.StatusStep)
		}
	}
	want := fmt.Sprintf("Gradient descent diverged at step %d: with α = 0.11", gd.StatusStep)
	if count(st.Notes, want) != 1 || count(st.Notes, "smaller α") != 1 {
		t.Errorf("notes %q, want one explaining gradient descent's divergence", st.Notes)
	}
	var diverged []string
	for _, row := range c.Frame().Legend.Rows {
		if row.State == race.Diverged {
			diverged = append(diverged, row.Name+": "+row.StatusText())
		}
	}
	if wantRow := fmt.Sprintf("Gradient descent: diverged at step %d", gd.StatusStep); len(diverged) != 1 || diverged[0] != wantRow {
		t.Errorf("legend rows marked diverged: %q, want only %q", diverged, wantRow)
	}
}

// TestAdamReachesTheIllConditionedMinimum follows the browser test of that
// name: the minimum is (0, 0) with value 0, and Adam's step stays near
// α = 0.1 until its moment estimates settle, so the tolerance is α/100.
func TestAdamReachesTheIllConditionedMinimum(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=adam&paused=1")
	do(t, c, Step{N: 3000})
	const tol = 1e-3
	adam := c.State().Runners[0]
	if math.Hypot(adam.X[0], adam.X[1]) > tol || adam.Loss > 1e-5 || adam.Status == race.Diverged {
		t.Errorf("adam %v at %v with loss %g, want within %g of (0, 0)", adam.Status, adam.X, adam.Loss, tol)
	}
}

// TestTypedFormulaTypoIsPointedAt follows build's TestTypedFormula: a typo is
// named with its place, under a caret, and nothing changes.
func TestTypedFormulaTypoIsPointedAt(t *testing.T) {
	c := sized(t, "paused=1")
	notes := c.Do(SetFormula{Src: "x^2 + * y"})
	// The '*' is the 7th character: six spaces, then the caret.
	if len(notes) != 1 || !strings.Contains(notes[0], "character 7") || !strings.Contains(notes[0], "      ^") {
		t.Errorf("notes %q, want one pointing at character 7 with a caret", notes)
	}
	if st := c.State(); st.Problem != "ill-conditioned" || st.Expr != "" {
		t.Errorf("a bad formula changed the problem to %q %q", st.Problem, st.Expr)
	}
}

// TestAHostileLinkIsPlainText follows build's TestAHostileLinkRunsNoScript:
// the link's bad parts come back as text naming them, and change nothing.
func TestAHostileLinkIsPlainText(t *testing.T) {
	c := New(`expr=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E=1&o=gd:lr=%3Cb%3E`)
	st := c.State()
	if count(st.Notes, "<script>") == 0 || count(st.Notes, "expr") == 0 {
		t.Errorf("notes %q, want the bad parts named as text", st.Notes)
	}
	if st.Problem != "ill-conditioned" || st.Expr != "" || len(st.Runners) != 1 {
		t.Errorf("state after a hostile link: problem %q expr %q, %d runners", st.Problem, st.Expr, len(st.Runners))
	}
}

// TestTuneMakesRosenbrockRaceable follows the browser test of that name:
// after tuning, no runner diverges and each goes below f(−1.2, 1) =
// (1 + 1.2)² + 100·(1 − 1.44)² = 24.2 in 300 steps.
func TestTuneMakesRosenbrockRaceable(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=gd;momentum;adam&paused=1")
	tuneAll(t, c)
	do(t, c, Step{N: 300})
	for _, r := range c.State().Runners {
		if r.Status == race.Diverged || r.Loss >= 24.2 {
			t.Errorf("after tuning, %s (α = %g) is %v with loss %g", r.Optimizer, r.Params["lr"], r.Status, r.Loss)
		}
	}
}
