package control

import (
	"image"
	"math"
	"testing"

	"descent/game/race"
	"descent/game/view"
	"descent/problems"
)

// TestFrameViews: the field fills the screen and the loss chart sits over it,
// inside the screen, at the bottom right: at most chartMaxWidth CSS pixels or
// chartShare of the canvas wide, half as high, chartMargin from the corner.
func TestFrameViews(t *testing.T) {
	tests := []struct {
		screen Screen
		chart  image.Rectangle
	}{
		// 400 CSS px wide: 0.42·400 = 168 CSS px wide (336 device px), 84
		// high, 8 CSS px (16 device px) from the right edge and 8 above the
		// 18 px axis strip (52 device px from the bottom).
		{testScreen, image.Rect(800-336-16, 600-168-52, 800-16, 600-52)},
		// 1600 CSS px wide: the 300 px cap, 150 high, 8 px from the right, 26 from the bottom.
		{Screen{W: 1600, H: 1000, DPR: 1}, image.Rect(1600-300-8, 1000-150-26, 1600-8, 1000-26)},
		// A phone's 390 CSS px at DPR 3: 0.42·390 = 163.8 CSS px, 491.4
		// device px wide and 245.7 high, 24 device px from the right and 78
		// from the bottom: from (654.6, 1146.3) to (1146, 1392), whole pixels
		// towards zero.
		{Screen{W: 1170, H: 1470, DPR: 3}, image.Rect(654, 1146, 1146, 1392)},
	}
	for _, tt := range tests {
		c := New("paused=1")
		do(t, c, Resize{Screen: tt.screen})
		f := look(c.Frame())
		full := image.Rect(0, 0, tt.screen.W, tt.screen.H)
		if len(f.Views) != 3 || f.Views[0].Kind != FieldView || f.Views[0].Rect != full || f.Views[1].Kind != ChartView || f.Views[2].Kind != LevelView {
			t.Fatalf("%+v: views %+v, want the field on %v, the chart, the level legend", tt.screen, f.Views, full)
		}
		if lv := f.Views[2].Rect; !lv.In(full) || lv.Overlaps(f.Views[1].Rect) {
			t.Errorf("%+v: level legend %v, want it inside %v and off the chart %v", tt.screen, lv, full, f.Views[1].Rect)
		}
		if got := f.Views[1].Rect; got != tt.chart || !got.In(full) {
			t.Errorf("%+v: chart %v, want %v inside %v", tt.screen, got, tt.chart, full)
		}
		if f.DPR != tt.screen.DPR || f.Field.W != tt.screen.W || f.Field.H != tt.screen.H {
			t.Errorf("%+v: DPR %v field %dx%d, want the screen's", tt.screen, f.DPR, f.Field.W, f.Field.H)
		}
		// The legend's chart box is the chart's view, in CSS pixels.
		r, dpr := f.Views[1].Rect, tt.screen.DPR
		want := [4]float64{float64(r.Min.X) / dpr, float64(r.Min.Y) / dpr, float64(r.Dx()) / dpr, float64(r.Dy()) / dpr}
		if f.Legend.Chart.Box != want {
			t.Errorf("%+v: legend chart box %v, want %v", tt.screen, f.Legend.Chart.Box, want)
		}
	}
	for k, want := range map[ViewKind]string{FieldView: "field", ChartView: "chart", 7: "ViewKind(7)"} {
		if got := k.String(); got != want {
			t.Errorf("ViewKind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

// screenOf returns the screen position of the world point p on testScreen
// with the ill-conditioned quadratic fitted: x right and y up from the centre.
func screenOf(p [2]float64) [2]float64 {
	return [2]float64{testW/2 + p[0]/illScale, testH/2 - p[1]/illScale}
}

// TestFrameTrailsExtend: each frame hands over only the trail drawn since the
// last one, from its last point, and the whole trail only after a restart, a
// new view or a new screen. The points are the notes' gradient-descent
// iterates on f = 0.1x² + 10y², θ ← θ − α∇f with ∇f = (0.2x, 20y) and
// α = 0.09: x ← 0.982x, y ← −0.8y, from the problem's start (−4.5, 2).
func TestFrameTrailsExtend(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd:lr=0.09&paused=1")
	iterates := [][2]float64{{-4.5, 2}}
	for k := 1; k <= 6; k++ {
		p := iterates[k-1]
		iterates = append(iterates, [2]float64{0.982 * p[0], -0.8 * p[1]})
	}
	check := func(when string, retrail bool, from, to int) {
		t.Helper()
		f := look(c.Frame())
		if f.Retrail != retrail {
			t.Errorf("%s: Retrail %v, want %v", when, f.Retrail, retrail)
		}
		trail := f.Runners[0].Trail
		if len(trail) != 2*(to-from+1) {
			t.Fatalf("%s: trail of %d points, want iterates %d to %d", when, len(trail)/2, from, to)
		}
		for i := from; i <= to; i++ {
			// A float32 screen coordinate of a few hundred pixels is exact to 1e-4 px.
			want, j := screenOf(iterates[i]), 2*(i-from)
			if math.Abs(float64(trail[j])-want[0]) > 1e-3 || math.Abs(float64(trail[j+1])-want[1]) > 1e-3 {
				t.Errorf("%s: trail point %d at (%g, %g), want iterate %d at %v", when, i-from, trail[j], trail[j+1], i, want)
			}
		}
	}
	check("first frame", true, 0, 0)
	do(t, c, Step{N: 3})
	check("after 3 steps", false, 0, 3)
	check("with nothing new", false, 3, 3)
	do(t, c, StepOne{})
	do(t, c, SetSpeed{N: 2})
	do(t, c, Pause{})
	do(t, c, Notice{Text: "x"})
	do(t, c, SetLBFGS{On: true})
	check("after a step and edits that keep the race", false, 3, 4)
	c.Do(Play{})
	c.Tick()
	check("after a tick at speed 2", false, 4, 6)

	restarts := []struct {
		name string
		cmd  Command
	}{
		{"reset", Reset{}},
		{"new screen", Resize{Screen: Screen{W: 640, H: 480, DPR: 1}}},
		{"old screen", Resize{Screen: testScreen}},
		{"pan", Pan{DX: 1, DY: 0, CanvasW: cssW, CanvasH: cssH}},
		{"fit", Fit{}},
		{"edit", SetParam{Runner: 0, Name: "lr", Text: "0.05"}},
		{"click", Click{X: 1, Y: 1, CanvasW: cssW, CanvasH: cssH}},
	}
	for _, r := range restarts {
		do(t, c, Step{N: 2})
		c.Frame()
		do(t, c, r.cmd)
		if f := look(c.Frame()); !f.Retrail || len(f.Runners[0].Trail) != 2*len(c.Race().Runners[0].Trail(nil)) {
			t.Errorf("after %s: Retrail %v with %d points, want the whole trail of %d", r.name, f.Retrail, len(f.Runners[0].Trail)/2, len(c.Race().Runners[0].Trail(nil)))
		}
	}
}

// TestFrameRetrailsAfterMoreStepsThanATrailKeeps: when more steps were taken
// since the last frame than a trail keeps, the points between are gone and
// the trails are drawn anew, whole.
func TestFrameRetrailsAfterMoreStepsThanATrailKeeps(t *testing.T) {
	// Adagrad on the round bowl keeps moving for thousands of steps.
	c := sized(t, "problem=quadratic&o=adagrad:lr=0.01&paused=1")
	c.Frame()
	do(t, c, Step{N: trailLen - 1})
	if f := look(c.Frame()); f.Retrail {
		t.Errorf("Retrail after %d steps, fewer than a trail keeps", trailLen-1)
	}
	do(t, c, Step{N: trailLen})
	if c.Race().Runners[0].Status != race.Running {
		t.Fatalf("adagrad stopped: the test lost its point")
	}
	if f := look(c.Frame()); !f.Retrail {
		t.Errorf("no Retrail after %d steps, as many as a trail keeps", trailLen)
	}
}

// TestFrameClampsABallOffScreen: a ball off the screen is drawn on the
// screen's border inset by 12 CSS pixels, on the line from the screen's centre
// towards it; a ball on screen is drawn where it is.
func TestFrameClampsABallOffScreen(t *testing.T) {
	// The view [10, 11]×[10, 11] is far to the top right of the start (−4.5, 2).
	c := sized(t, "problem=ill-conditioned&o=gd&view=10,11,10,11&paused=1")
	f := look(c.Frame())
	r := c.Race().Runners[0]
	sx, sy := f.Field.ToScreen(r.X, r.Y)
	cx, cy := float64(testW)/2, float64(testH)/2
	m := 12.0 * testDPR
	// Along the ray from the centre, the first of the inset border's sides it meets.
	s := math.Min((cx-m)/math.Abs(sx-cx), (cy-m)/math.Abs(sy-cy))
	want := [2]float64{cx + s*(sx-cx), cy + s*(sy-cy)}
	got := f.Runners[0]
	if math.Abs(float64(got.X)-want[0]) > 1e-3 || math.Abs(float64(got.Y)-want[1]) > 1e-3 {
		t.Errorf("ball at (%g, %g), want on the border at %v (really at (%g, %g))", got.X, got.Y, want, sx, sy)
	}
	if got.X < float32(m) || got.X > float32(testW-m) || got.Y < float32(m) || got.Y > float32(testH-m) {
		t.Errorf("ball at (%g, %g), want inside the screen inset by %g", got.X, got.Y, m)
	}
	do(t, c, Fit{})
	f = look(c.Frame())
	want = screenOf([2]float64{r.X, r.Y})
	if got := f.Runners[0]; math.Abs(float64(got.X)-want[0]) > 1e-3 || math.Abs(float64(got.Y)-want[1]) > 1e-3 {
		t.Errorf("ball on screen at (%g, %g), want at %v", got.X, got.Y, want)
	}
	if st := screenOf(c.Race().Start); math.Abs(float64(f.Start[0])-st[0]) > 1e-3 || math.Abs(float64(f.Start[1])-st[1]) > 1e-3 {
		t.Errorf("start drawn at %v, want %v", f.Start, st)
	}
	if f.Runners[0].Color != view.RunnerColor(0) || f.Runners[0].Status != race.Running {
		t.Errorf("runner colour %v status %v, want the palette's first and running", f.Runners[0].Color, f.Runners[0].Status)
	}
}

// TestFrameRefield: the field is repainted, and its colour scale sampled
// again, exactly when the surface, the view or the screen changed.
func TestFrameRefield(t *testing.T) {
	steps := []struct {
		name    string
		cmd     Command // nil: a Tick
		refield bool
	}{
		{"nothing", nil, false},
		{"steps", Step{N: 5}, false},
		{"speed", SetSpeed{N: 3}, false},
		{"pause", TogglePause{}, false},
		{"runner knob", SetParam{Runner: 0, Name: "lr", Text: "0.02"}, false},
		{"reset", Reset{}, false},
		{"click", Click{X: 10, Y: 20, CanvasW: cssW, CanvasH: cssH}, false},
		{"reference path", SetLBFGS{On: true}, false},
		{"tick", nil, false},
		{"pan", Pan{DX: 5, DY: 0, CanvasW: cssW, CanvasH: cssH}, true},
		{"zoom", Zoom{X: 5, Y: 5, CanvasW: cssW, CanvasH: cssH, Factor: 0.9}, true},
		{"fit", Fit{}, true},
		{"fit again", Fit{}, false},
		{"screen", Resize{Screen: Screen{W: 640, H: 480, DPR: 1}}, true},
		{"same screen", Resize{Screen: Screen{W: 640, H: 480, DPR: 1}}, false},
		{"problem with another domain", SetProblem{Name: "rosenbrock"}, true},
		{"problem with another domain again", SetProblem{Name: "himmelblau"}, true},
		{"problem with the same domain", SetProblem{Name: "quadratic"}, true}, // [−5, 5]² like himmelblau's
		{"problem knob, same domain", SetParam{Runner: ProblemKnob, Name: "a1", Text: "3"}, true},
		{"formula", SetFormula{Src: "x^2 + y^2"}, true}, // custom formulas show [−5, 5]² too
		{"another formula", SetFormula{Src: "x^2 + 4*y^2"}, true},
		{"a refused formula", SetFormula{Src: "x^"}, false},
		{"the same formula", SetFormula{Src: "x^2 + 4*y^2"}, false},
	}
	c := sized(t, "problem=quadratic&o=gd&paused=1")
	if !look(c.Frame()).Refield {
		t.Errorf("first frame: no Refield")
	}
	for _, s := range steps {
		if s.cmd == nil {
			c.Tick()
		} else {
			c.Do(s.cmd)
		}
		f := look(c.Frame())
		if f.Refield != s.refield {
			t.Errorf("%s: Refield %v, want %v", s.name, f.Refield, s.refield)
		}
		if f.Problem != c.Problem() {
			t.Errorf("%s: frame problem %p, want the race's %p", s.name, f.Problem, c.Problem())
		}
		// The colour scale is the current surface's.
		want := view.SampleLevels(c.field, c.problem.Value, c.problem.MinValue(), c.problem.Scale == problems.Log)
		if f.Levels != want {
			t.Errorf("%s: levels from %g to %g, want the current surface's, %g to %g", s.name, f.Levels.LMin, f.Levels.LMax, want.LMin, want.LMax)
		}
	}
}

// TestFrameChart: one loss curve per runner, and the decade lines, inside
// the chart's view.
func TestFrameChart(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;momentum;adam&paused=1")
	do(t, c, Step{N: 200})
	f := look(c.Frame())
	r := f.Views[1].Rect
	in := func(x, y float32) bool {
		// Half a pixel of slack for the float32 rounding of the edges.
		return x >= float32(r.Min.X)-0.5 && x <= float32(r.Max.X)+0.5 && y >= float32(r.Min.Y)-0.5 && y <= float32(r.Max.Y)+0.5
	}
	if len(f.Chart.Curves) != 3 {
		t.Fatalf("%d curves, want one per runner, 3", len(f.Chart.Curves))
	}
	for i, curve := range f.Chart.Curves {
		if len(curve) < 4 {
			t.Errorf("curve %d has %d points, want a line", i, len(curve)/2)
		}
		for j := 0; j+1 < len(curve); j += 2 {
			if !in(curve[j], curve[j+1]) {
				t.Errorf("curve %d point (%g, %g) outside the chart %v", i, curve[j], curve[j+1], r)
				break
			}
		}
	}
	if len(f.Chart.Decades) == 0 {
		t.Errorf("no decade lines over losses from 42 down")
	}
	for _, y := range f.Chart.Decades {
		if !in(float32(r.Min.X), y) {
			t.Errorf("decade line at y = %g outside the chart %v", y, r)
		}
	}
	if f.Legend.Chart.LastStep != 200 {
		t.Errorf("chart ends at step %d, want 200", f.Legend.Chart.LastStep)
	}
	// Removing a runner shrinks the frame's lists.
	do(t, c, RemoveRunner{Index: 2})
	if f := look(c.Frame()); len(f.Runners) != 2 || len(f.Chart.Curves) != 2 {
		t.Errorf("%d runners, %d curves after removing one, want 2 and 2", len(f.Runners), len(f.Chart.Curves))
	}
}

// TestFrameDirty: a frame is wanted when something visible changed.
func TestFrameDirty(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd&paused=1")
	if !c.Dirty() {
		t.Errorf("a new controller is not dirty")
	}
	c.Frame()
	if c.Dirty() {
		t.Errorf("dirty right after a frame")
	}
	c.Tick() // paused
	if c.Dirty() {
		t.Errorf("a paused tick made the frame dirty")
	}
	do(t, c, Play{})
	c.Frame()
	c.Tick()
	if !c.Dirty() {
		t.Errorf("a tick that stepped left the frame clean")
	}
}

// TestTickAndFrameMakeNoGarbage: once running, a tick and a frame of five
// runners allocate nothing, so the page's garbage collector has nothing to do
// (metrics().allocsPerFrame measures the same in the browser).
func TestTickAndFrameMakeNoGarbage(t *testing.T) {
	c := sized(t, "o=gd:lr=0.001;momentum:lr=0.001;adam:lr=0.0001;rmsprop:lr=0.0001;adagrad:lr=0.001&lbfgs=1")
	for range 50 {
		c.Tick()
		c.Frame()
	}
	allocs := testing.AllocsPerRun(200, func() {
		c.Tick()
		c.Frame()
	})
	if allocs != 0 {
		t.Errorf("%v allocations a tick and frame, want 0", allocs)
	}
	if st := c.State(); st.Runners[0].Status != race.Running {
		t.Fatalf("gd stopped: the test lost its point")
	}
}

// TestFrameRetrailsWithEveryRepaintedField: a painter draws the trails onto
// its picture of the field (game/paint.go), so a frame that repaints a field
// under trails must hand over the whole trails again. Each step here repaints
// the field, in the overlay and in the grid; a nil command marks the field
// alone stale, as any future command might.
func TestFrameRetrailsWithEveryRepaintedField(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;adam&paused=1")
	steps := []struct {
		cmd   Command
		scene bool // the command opens the bias–variance scene: its boards hold no trails
	}{
		{cmd: Pan{DX: 5, DY: 3, CanvasW: cssW, CanvasH: cssH}},
		{cmd: Zoom{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH, Factor: 0.8}},
		{cmd: Fit{}},
		{cmd: Resize{Screen: Screen{W: 640, H: 480, DPR: 1}}},
		{cmd: Resize{Screen: testScreen}},
		{cmd: SetProblem{Name: "rosenbrock"}},
		{cmd: Configure{Hash: "problem=rotated:kappa=20"}},
		{cmd: nil},
		{cmd: Configure{Hash: "scene=bias-variance"}, scene: true},
		{cmd: Configure{Hash: "scene=race"}}, // the race's field where a board was
		{cmd: SetLayout{Grid: true}},
		{cmd: Pan{DX: 5, DY: 3, CanvasW: cssW, CanvasH: cssH}},
		{cmd: Zoom{X: 100, Y: 100, CanvasW: cssW, CanvasH: cssH, Factor: 1.25}},
		{cmd: SetProblem{Name: "ill-conditioned"}},
		{cmd: nil},
		{cmd: SetLayout{Grid: false}},
	}
	for i, s := range steps {
		do(t, c, Step{N: 3})
		c.Frame() // the steps drawn: the next frame adds nothing unless it retrails
		if s.cmd == nil {
			c.drawer.fieldStale = true
		} else {
			do(t, c, s.cmd)
		}
		f, stale := c.Frame(), 0
		if s.scene {
			continue
		}
		for _, v := range f.Views {
			if v.Field != nil && v.Field.Stale && len(v.Trails) > 0 {
				stale++
			}
		}
		if stale == 0 {
			t.Errorf("step %d %#v: no field under trails repainted, want one at least", i, s.cmd)
		} else if !f.Retrail {
			t.Errorf("step %d %#v: %d fields under trails repainted without Retrail", i, s.cmd, stale)
		}
	}
}

// The bias–variance scene's boards hold no trails, so its frames never ask
// for them whole, whatever the race's last frame asked (a painter would copy
// each board anew every frame).
func TestSceneFramesDoNotRetrail(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd&paused=1")
	if !c.Frame().Retrail {
		t.Fatal("the race's first frame does not retrail")
	}
	do(t, c, Configure{Hash: "scene=bias-variance"})
	for i := range 3 {
		if c.Frame().Retrail {
			t.Errorf("scene frame %d asks for Retrail", i)
		}
	}
}

// screenTrail keeps points half a pixel apart or more, and bounds far-off ones
// to ±1e5 px (float32 vertices beyond ~1e6 px misdraw), NaN kept as it is.
func TestScreenTrail(t *testing.T) {
	v := view.View{Scale: 0.5, W: 100, H: 100} // (0, 0) at (50, 50), two pixels a unit
	trail := [][2]float64{{0, 0}, {0.1, 0}, {0.3, 0}, {1e9, -1e9}, {-1e9, 1e9}, {math.NaN(), 0}, {-1e9, 1e9}}
	got := screenTrail([]float32{7}, trail, v)
	want := []float32{7, 50, 50, 50.6, 50, 1e5, 1e5, -1e5, -1e5, float32(math.NaN()), 50, -1e5, -1e5}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] && !(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[i]))) {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
