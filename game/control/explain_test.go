package control

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"descent/game/explain"
	"descent/game/race"
	"descent/optim"
	"descent/optim/param"
)

// TestUpdateIsThePositionDifference: state().runners[i].update is θₖ − θₖ₋₁
// exactly, for every kind of optimizer, and grad is the gradient at θₖ₋₁
// (for gradient descent, update = −α·grad).
func TestUpdateIsThePositionDifference(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=gd:lr=0.001;momentum:lr=0.0005;adam:lr=0.05;newton&paused=1")
	do(t, c, Step{N: 7})
	before := c.State()
	do(t, c, StepOne{})
	after := c.State()
	for i, r := range after.Runners {
		if r.Status != race.Running {
			t.Fatalf("runner %d %v: the test lost its point", i, r.Status)
		}
		b := before.Runners[i]
		want := [2]float64{r.X[0] - b.X[0], r.X[1] - b.X[1]}
		if r.Update != want || r.LastStep != 8 {
			t.Errorf("%s: update %v at step %d, want %v (the positions' difference) at 8", r.Optimizer, r.Update, r.LastStep, want)
		}
		gx, gy := c.Problem().Grad(b.X[0], b.X[1])
		if r.Grad != [2]float64{gx, gy} {
			t.Errorf("%s: grad %v, want the gradient at the previous position %v", r.Optimizer, r.Grad, [2]float64{gx, gy})
		}
	}
	gd := after.Runners[0]
	if want := [2]float64{-0.001 * gd.Grad[0], -0.001 * gd.Grad[1]}; math.Abs(gd.Update[0]-want[0]) > 1e-15 || math.Abs(gd.Update[1]-want[1]) > 1e-15 {
		t.Errorf("gd's update %v, want −α·grad = %v", gd.Update, want)
	}
	if !after.Runners[2].HasStepSize || after.Runners[0].HasStepSize {
		t.Errorf("step sizes: adam %v, gd %v; want adam's alone", after.Runners[2].HasStepSize, after.Runners[0].HasStepSize)
	}
	if len(after.Runners[1].Internals) != 1 || after.Runners[1].Internals[0].Name != "v" {
		t.Errorf("momentum's internals %v, want v alone", after.Runners[1].Internals)
	}
}

// TestStabilityMarkAt2OverLambdaMax: on the ill-conditioned quadratic
// a₁x² + a₂y², λmax = 2a₂, so gradient descent's α slider marks 2/λmax = 1/a₂
// and heavy-ball momentum's 2(1+m)/λmax; the mark moves with a₂.
func TestStabilityMarkAt2OverLambdaMax(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;momentum:m=0.9;adam&paused=1")
	spec, _ := optim.Lookup("gd")
	lr, _ := spec.Params.Find("lr")
	for _, a2 := range []float64{10, 5, 40} {
		do(t, c, SetParam{Runner: ProblemKnob, Name: "a2", Text: text(a2)})
		lmax := 2 * a2
		for i, want := range []float64{2 / lmax, 2 * (1 + 0.9) / lmax} {
			frac, limit, ok := c.StabilityMark(i)
			if !ok || math.Abs(limit-want) > 1e-6*want {
				t.Errorf("a₂ = %v, runner %d: limit %v (ok %v), want %v", a2, i, limit, ok, want)
			}
			if wantFrac := float64(lr.SliderPos(want)) / param.SliderSteps; frac != wantFrac {
				t.Errorf("a₂ = %v, runner %d: mark at %v of the slider, want %v", a2, i, frac, wantFrac)
			}
		}
		if _, _, ok := c.StabilityMark(2); ok {
			t.Errorf("adam has a stability mark; want none (it rescales its steps)")
		}
		// The panel shows it: the α slider of runner 0 carries the limit, its
		// row the mark's place.
		found := false
		panel := c.Panel("")
		panel.Walk(func(n *Node) {
			if len(n.Kids) > 1 && n.Kids[1].Attr("data-param") == "0.lr" && n.Kids[1].Attr("type") == "range" {
				found = true
				if got := n.Kids[1].Attr("data-limit"); math.Abs(parse(t, got)-1/a2) > 1e-6/a2 {
					t.Errorf("a₂ = %v: slider's data-limit %q, want %v", a2, got, 1/a2)
				}
				want := float64(lr.SliderPos(1/a2)) / param.SliderSteps
				if len(n.Style) != 1 || n.Style[0][0] != "--mark" || math.Abs(parse(t, n.Style[0][1])-want) > 1e-4 {
					t.Errorf("a₂ = %v: row style %v, want --mark %v", a2, n.Style, want)
				}
				if !strings.Contains(n.Attr("data-rule"), "α < 2/λmax = "+formatValue(1/a2)) {
					t.Errorf("a₂ = %v: data-rule %q", a2, n.Attr("data-rule"))
				}
			}
		})
		if !found {
			t.Fatal("no α slider for runner 0 in the panel")
		}
	}
}

// TestFollow: a tap on a ball, the Follow command and the hash all follow a
// runner; a tap away from the balls still moves the start, and so does a
// Click anywhere; a runner that is not there is refused with a message.
func TestFollow(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=0.05;adam&paused=1")
	do(t, c, Step{N: 20})
	r := c.Race().Runners[1]
	sx, sy := c.field.ToScreen(r.X, r.Y)
	start := c.race.Start
	// 4 CSS px off the ball: within FollowRadius.
	do(t, c, Tap{X: sx/testDPR + 4, Y: sy / testDPR, CanvasW: cssW, CanvasH: cssH})
	if st := c.State(); st.Follow != 1 || st.Step != 20 || c.race.Start != start || !strings.Contains(st.Hash, "follow=2") {
		t.Errorf("after a click on adam's ball: follow %d, step %d, start %v, hash %q; want 1, 20, %v, follow=2", st.Follow, st.Step, c.race.Start, st.Hash, start)
	}
	if ex := c.Explain(); len(ex.Kids) == 0 {
		t.Errorf("the explain panel is empty while following")
	}
	// Far from both balls (the top left corner): the start moves, follow stays.
	do(t, c, Tap{X: 5, Y: 5, CanvasW: cssW, CanvasH: cssH})
	if st := c.State(); st.Follow != 1 || c.race.Start == start {
		t.Errorf("after a tap away: follow %d, start %v; want 1 and a new start", st.Follow, c.race.Start)
	}
	// A Click (as the keyboard's start nudges make) on the balls moves the start.
	start = c.race.Start
	bx, by := c.field.ToScreen(start[0], start[1])
	do(t, c, Click{X: bx/testDPR + 3, Y: by / testDPR, CanvasW: cssW, CanvasH: cssH})
	if c.race.Start == start {
		t.Errorf("a Click 3 px from the balls kept the start %v; want it moved", start)
	}
	// Removing a runner before the followed one keeps following it.
	do(t, c, AddRunner{Optimizer: "rmsprop"})
	do(t, c, Follow{Runner: 2})
	do(t, c, RemoveRunner{Index: 0})
	if st := c.State(); st.Follow != 1 || st.Runners[1].Optimizer != "rmsprop" {
		t.Errorf("after removing runner 0: follow %d (%s), want 1, rmsprop", st.Follow, st.Runners[st.Follow].Optimizer)
	}
	do(t, c, RemoveRunner{Index: 1})
	if st := c.State(); st.Follow != -1 || strings.Contains(st.Hash, "follow") {
		t.Errorf("after removing the followed runner: follow %d, hash %q; want none", st.Follow, st.Hash)
	}
	do(t, c, AddRunner{Optimizer: "gd"})
	do(t, c, Follow{Runner: 1})
	notes := c.Do(Follow{Runner: 2})
	if count(notes, "follow: there is no runner 3 (there are 2); kept following runner 2") != 1 || c.State().Follow != 1 {
		t.Errorf("Follow{2}: notes %q, follow %d; want a refusal, 1", notes, c.State().Follow)
	}
	do(t, c, Follow{Runner: -1})
	if st := c.State(); st.Follow != -1 || strings.Contains(st.Hash, "follow") || len(c.Explain().Kids) != 0 {
		t.Errorf("after Follow{-1}: follow %d, hash %q, panel %v; want none", st.Follow, st.Hash, c.Explain().Kids)
	}
	c2 := sized(t, "problem=ill-conditioned&o=gd;adam&follow=1")
	if c2.State().Follow != 0 {
		t.Errorf("follow=1 in the hash follows %d, want runner 0", c2.State().Follow)
	}
}

// TestExplainPanelShowsTheStep: the panel of a followed runner holds its
// step's lines (explain.Step) and the local geometry at the ball; after →
// it shows the new step.
func TestExplainPanelShowsTheStep(t *testing.T) {
	c := sized(t, "problem=linear-map&o=momentum&follow=1&paused=1")
	for step := 1; step <= 2; step++ {
		do(t, c, StepOne{})
		var texts []string
		ex := c.Explain()
		ex.Walk(func(n *Node) { texts = append(texts, n.Text) })
		all := strings.Join(texts, "\n")
		r := c.Race().Runners[0]
		for _, l := range explain.Step(r) {
			if !strings.Contains(all, l.Rule+"\n"+l.Numbers) {
				t.Errorf("step %d: the panel lacks %q %q", step, l.Rule, l.Numbers)
			}
		}
		for _, want := range []string{"κ = |λ|max/|λ|min", "∇ₓf = (∂y/∂x)·(∂f/∂y) = 2AAᵀx", "step " + text(float64(step))} {
			if !strings.Contains(all, want) {
				t.Errorf("step %d: the panel lacks %q", step, want)
			}
		}
	}
}

// TestArrowsEndAtTheBall: with arrows=1 each runner's update arrow (the
// widest line) runs from where the last step started to the ball, and
// momentum adds a dashed velocity arrow; without, no arrow is drawn.
func TestArrowsEndAtTheBall(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=0.09;momentum:lr=0.02&arrows=1&paused=1")
	do(t, c, Step{N: 1})
	f := c.Frame()
	v := &f.Views[0]
	updates, widths := 0, map[float32]int{}
	for _, it := range v.Items {
		if it.Kind != Polyline {
			continue
		}
		widths[it.Width]++
		if it.Width != updateWidth*testDPR || len(it.Pts) != 4 {
			continue
		}
		r := c.Race().Runners[updates]
		tx, ty := c.field.ToScreen(r.From[0], r.From[1])
		bx, by := c.field.ToScreen(r.X, r.Y)
		got := [4]float64{float64(it.Pts[0]), float64(it.Pts[1]), float64(it.Pts[2]), float64(it.Pts[3])}
		want := [4]float64{tx, ty, bx, by}
		for k := range got {
			if math.Abs(got[k]-want[k]) > 1e-3 {
				t.Errorf("runner %d's update arrow %v, want from θₖ₋₁ to the ball %v", updates, got, want)
				break
			}
		}
		updates++
	}
	// The shaft and head of each arrow: gd 2 + 2, momentum 2 + 2 + dashes + 1.
	if updates != 2 || widths[gradientWidth*testDPR] != 4 || widths[velocityWidth*testDPR] < 3 {
		t.Errorf("%d update shafts, widths %v; want 2, 4 gradient lines, ≥ 3 velocity lines", updates, widths)
	}
	do(t, c, SetArrows{On: false})
	f = c.Frame()
	for _, it := range f.Views[0].Items {
		if it.Kind == Polyline && it.Width == updateWidth*testDPR {
			t.Fatalf("an update arrow is drawn with arrows off")
		}
	}
}

// TestHoverDrawsTheLocalEllipse: the pointer over the field adds the level
// ellipse of the local quadratic, its longer semi-axis ellipseRadius CSS px
// along the smaller eigenvalue's direction and the shorter ellipseRadius/√κ;
// off the canvas it goes.
func TestHoverDrawsTheLocalEllipse(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&paused=1")
	do(t, c, Hover{X: cssW / 2, Y: cssH / 2, CanvasW: cssW, CanvasH: cssH})
	ell := ellipseOf(c.Frame())
	if ell == nil {
		t.Fatal("no ellipse at the pointer")
	}
	// The Hessian diag(0.2, 20): the long axis along x, 60 CSS px = 120 device
	// px; the short along y, 120/√100 = 12 device px.
	xs, ys := extent(ell.Pts, 0), extent(ell.Pts, 1)
	if math.Abs(xs-2*ellipseRadius*testDPR) > 0.5 || math.Abs(ys-2*ellipseRadius*testDPR/10) > 0.5 {
		t.Errorf("ellipse %v × %v device px, want %v × %v", xs, ys, 2*ellipseRadius*testDPR, 2*ellipseRadius*testDPR/10)
	}
	do(t, c, Hover{X: math.NaN(), Y: 0, CanvasW: cssW, CanvasH: cssH})
	if ellipseOf(c.Frame()) != nil {
		t.Error("the ellipse stays after the pointer left")
	}
}

func ellipseOf(f *Frame) *Item {
	for i, it := range f.Views[0].Items {
		if it.Kind == Polyline && it.Color == ellipseColor && len(it.Pts) == 2*(ellipseSegments+1) {
			return &f.Views[0].Items[i]
		}
	}
	return nil
}

// extent is the span of the coordinate k (0 x, 1 y) of the points pts.
func extent(pts []float32, k int) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := k; i < len(pts); i += 2 {
		lo, hi = math.Min(lo, float64(pts[i])), math.Max(hi, float64(pts[i]))
	}
	return hi - lo
}

// TestArrowsAndEllipsesMakeNoGarbage: arrows, a followed runner and the
// pointer's ellipse add nothing to collect to a tick and a frame.
func TestArrowsAndEllipsesMakeNoGarbage(t *testing.T) {
	c := sized(t, "o=gd:lr=0.001;momentum:lr=0.001;adam:lr=0.0001&arrows=1&follow=2")
	do(t, c, Hover{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH})
	for range 50 {
		c.Tick()
		c.Frame()
	}
	if allocs := testing.AllocsPerRun(200, func() { c.Tick(); c.Frame() }); allocs != 0 {
		t.Errorf("%v allocations a tick and frame, want 0", allocs)
	}
}

// TestProbeExplainsLinearMapAndArrows: on linear-map the readout walks the
// chain rule, and over an arrow it names it with its true length.
func TestProbeExplainsLinearMapAndArrows(t *testing.T) {
	c := sized(t, "problem=linear-map&paused=1")
	p := c.Probe(cssW/2+30, cssH/2-20, cssW, cssH)
	for _, want := range []string{"y = Aᵀx", "∂f/∂y = 2y", "∇ₓf = (∂y/∂x)·(∂f/∂y) = 2AAᵀx", "∇f by automatic differentiation", "∇_A f = 2xxᵀA", "κ = "} {
		if !strings.Contains(p, want) {
			t.Errorf("probe %q lacks %q", p, want)
		}
	}
	c = sized(t, "problem=ill-conditioned&o=gd:lr=0.09&arrows=1&paused=1")
	do(t, c, StepOne{})
	r := c.Race().Runners[0]
	// Halfway along the update arrow, in CSS pixels.
	fx, fy := c.field.ToScreen(r.From[0], r.From[1])
	bx, by := c.field.ToScreen(r.X, r.Y)
	p = c.Probe((fx+bx)/2/testDPR, (fy+by)/2/testDPR, cssW, cssH)
	if !strings.Contains(p, "Gradient descent: ") || !strings.Contains(p, ", length ") {
		t.Errorf("probe over the arrow %q, want its label", p)
	}
}

func parse(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// TestExplainPanelRefreshes: the page is shown anew (Version) on each step
// of the followed runner when paused, and at most every ExplainEveryTicks
// ticks while running; with nothing followed a running race leaves it alone.
func TestExplainPanelRefreshes(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;adam&follow=2&paused=1")
	v := c.Version()
	do(t, c, StepOne{})
	if c.Version() == v {
		t.Errorf("→ while following: version stays %d, want a new page", v)
	}
	do(t, c, Play{})
	v = c.Version()
	const ticks = 5 * ExplainEveryTicks
	for range ticks {
		c.Tick()
	}
	if got := c.Version() - v; got < 1 || got > ticks/ExplainEveryTicks {
		t.Errorf("%d ticks running: %d new pages, want 1 to %d", ticks, got, ticks/ExplainEveryTicks)
	}
	do(t, c, Follow{Runner: -1})
	v = c.Version()
	for range ticks {
		c.Tick()
	}
	if c.Version() != v {
		t.Errorf("following none, %d ticks moved the version by %d, want 0", ticks, c.Version()-v)
	}
}

// A race that ends between two refreshes shows the followed runner's last
// step: nothing would show it later, and an ended race's loop waits (Idle).
func TestExplainPanelShowsTheLastStep(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=5&follow=1")
	for range 100 {
		if c.race.Done() {
			break
		}
		c.Tick()
	}
	r := c.followed()
	if !c.race.Done() || r == nil {
		t.Fatalf("the race did not end (done %v) or nothing is followed", c.race.Done())
	}
	if c.explain.shownStep != r.LastStep {
		t.Errorf("the race ended at step %d, the panel shows step %d", r.LastStep, c.explain.shownStep)
	}
}
