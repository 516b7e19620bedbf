package control

import (
	"image"
	"math"
	"strconv"
	"strings"
	"testing"

	"descent/game/legend"

	"descent/problems"
	"descent/problems/biasvar"
)

// settle ticks until every dart has landed, failing after twice bvLandFrames.
func settle(t *testing.T, c *Controller) {
	t.Helper()
	for range 2 * bvLandFrames {
		c.Tick()
		c.Frame()
	}
	for i, b := range c.bv.boards {
		if b.landed != len(b.est) {
			t.Fatalf("board %d: %d of %d darts landed after %d ticks", i, b.landed, len(b.est), 2*bvLandFrames)
		}
	}
}

func TestSceneShowsTheSpecsFigures(t *testing.T) {
	c := sized(t, "scene=bias-variance&n=8&sigma=0.7&lambda=3&theta=1,-2&x0=1,0.5&trials=500&seed=4")
	want, err := biasvar.Compute(biasvar.Spec{Design: problems.DesignLine, N: 8, Theta: [2]float64{1, -2}, Sigma: 0.7, Lambda: 3, X0: [2]float64{1, 0.5}, Trials: 500, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	st := c.State().BiasVariance
	if st == nil || len(st.Boards) != 1 {
		t.Fatalf("state's scene %+v, want one board", st)
	}
	if b := st.Boards[0]; b.Theory != want.Theory || b.Sample != want.Sample || b.Fit != want.Estimates[0] {
		t.Errorf("board's figures %+v / %+v / fit %v, want Compute's %+v / %+v / %v", b.Theory, b.Sample, b.Fit, want.Theory, want.Sample, want.Estimates[0])
	}
	if st.Best != want.Best || len(st.Curve) != len(want.Curve) {
		t.Errorf("best %+v and %d curve points, want %+v and %d", st.Best, len(st.Curve), want.Best, len(want.Curve))
	}
	// The link reproduces it.
	again := sized(t, c.cfg.Hash())
	if got := again.State().BiasVariance.Boards[0]; got.Theory != want.Theory || got.Sample != want.Sample {
		t.Errorf("the link %q gives %+v, want %+v", c.cfg.Hash(), got.Theory, want.Theory)
	}
}

func TestSceneDartsLandAndLambdaMovesThemInPlace(t *testing.T) {
	c := sized(t, "preset=bv-ols")
	if c.bv.boards[0].landed != 0 {
		t.Fatalf("%d darts before the first tick, want 0: they land a few a frame", c.bv.boards[0].landed)
	}
	c.Tick()
	if got, want := c.bv.boards[0].landed, 1000/bvLandFrames; got != want {
		t.Errorf("%d darts after one tick, want %d (trials / bvLandFrames)", got, want)
	}
	settle(t, c)
	before := c.bv.boards[0].est[5]
	do(t, c, SetScene{Key: "lambda", Text: "4"})
	b := &c.bv.boards[0]
	if b.landed != len(b.est) {
		t.Errorf("a new λ re-landed the darts: %d of %d", b.landed, len(b.est))
	}
	// Dart 5 is the same dataset's fit at the new λ: the sampler's own estimate.
	sm, _ := biasvar.NewSampler(b.spec)
	if want := sm.Estimates(4, nil)[5]; b.est[5] != want || b.est[5] == before {
		t.Errorf("dart 5 went from %v to %v, want %v", before, b.est[5], want)
	}
	do(t, c, SetScene{Key: "seed", Text: "9"})
	if c.bv.boards[0].landed != 0 {
		t.Errorf("new datasets (seed 9) kept %d landed darts, want 0", c.bv.boards[0].landed)
	}
}

func TestSceneRefusesBadValues(t *testing.T) {
	c := sized(t, "preset=bv-ridge")
	for _, tc := range []struct{ key, text, want string }{
		{"lambda", "-1", "lambda"},
		{"trials", "1", "trials"},
		{"theta", "1", "theta"},
		{"design", "zigzag", "design"},
		{"problem", "rosenbrock", "no bias–variance setting"},
		{"sigma", strings.Repeat("9", 500), "sigma"},
	} {
		notes := c.Do(SetScene{Key: tc.key, Text: tc.text})
		if len(notes) != 1 || !strings.Contains(notes[0], tc.want) || len(notes[0]) > 300 {
			t.Errorf("SetScene{%s, %.20q}: notes %q, want one short note naming %q", tc.key, tc.text, notes, tc.want)
		}
	}
	if got := c.bv.boards[0].spec.Lambda; got != 6 {
		t.Errorf("λ = %v after the refusals, want bv-ridge's 6 kept", got)
	}
}

func TestSceneClicks(t *testing.T) {
	c := sized(t, "scene=bias-variance")
	c.Frame()
	// A click in the parameter space moves θ there (rounded to about a third of a pixel).
	r := c.bv.rects[0]
	b := &c.bv.boards[0]
	sx, sy := float64(r.Min.X+r.Dx()/3), float64(r.Min.Y+r.Dy()/4)
	wx, wy := b.geo.ToWorld(sx-float64(r.Min.X), sy-float64(r.Min.Y))
	do(t, c, Click{X: sx / testDPR, Y: sy / testDPR, CanvasW: cssW, CanvasH: cssH})
	th := c.bv.boards[0].spec.Theta
	if tol := b.geo.Scale; math.Abs(th[0]-wx) > tol || math.Abs(th[1]-wy) > tol {
		t.Errorf("θ = %v after a click at world (%.3f, %.3f), want within a pixel (%.3g)", th, wx, wy, tol)
	}
	// A click in the λ chart sets λ at that point of its log axis: the middle of
	// 10⁻³ … 10³ is λ = 1.
	ch := c.bv.chart
	do(t, c, Click{X: float64(ch.Min.X+ch.Dx()/2) / testDPR, Y: float64(ch.Min.Y+ch.Dy()/2) / testDPR, CanvasW: cssW, CanvasH: cssH})
	if l := c.bv.boards[0].spec.Lambda; math.Abs(math.Log10(l)) > 6.0/float64(ch.Dx()) {
		t.Errorf("λ = %v after a click mid-chart, want 1 within a pixel of the axis", l)
	}
}

func TestSceneDartboardAndTheRaceButton(t *testing.T) {
	c := sized(t, "preset=bv-dartboard")
	if len(c.bv.boards) != 4 {
		t.Fatalf("%d boards, want Figure 1's four", len(c.bv.boards))
	}
	f := c.Frame()
	if len(f.Views) != 4 {
		t.Errorf("%d views, want the four boards alone", len(f.Views))
	}
	for i, p := range biasvar.Dartboard() {
		if got := c.bv.boards[i].spec; got.N != p.Spec.N || got.Lambda != p.Spec.Lambda || got.Sigma != p.Spec.Sigma {
			t.Errorf("board %d is %+v, want the caption's %+v (%q)", i, got, p.Spec, p.Caption)
		}
		if c.bv.boards[i].bounds != c.bv.boards[0].bounds {
			t.Errorf("board %d shows %v, board 0 %v: want one scale", i, c.bv.boards[i].bounds, c.bv.boards[0].bounds)
		}
	}
	// From a single experiment, the button races on the regression problem with its data.
	c = sized(t, "preset=bv-ridge")
	var race Node
	root := c.Panel("")
	root.Walk(func(n *Node) {
		if n.Attr("id") == "bv-race" {
			race = *n
		}
	})
	if race.Send == nil {
		t.Fatal("no working #bv-race button")
	}
	spec := c.cfg.Spec()
	_, hash, _ := spec.Regression()
	do(t, c, race.Send(""))
	if c.cfg.Scene != "race" || c.bv != nil || c.problem.Name != "regression" || !strings.Contains(hash, "lambda=1") {
		t.Errorf("after the button: scene %q, problem %q (want the race on the regression, λ/n = 6/6 = 1 in %s)", c.cfg.Scene, c.problem.Name, hash)
	}
	want := spec.Dataset()
	got := c.problem.Data()
	for i := range want.Y {
		if got.Y[i] != want.Y[i] {
			t.Fatalf("the race's point %d is %v, the scene's %v: want the very same data", i, got.Y[i], want.Y[i])
		}
	}
}

func TestSceneFramesMakeNoGarbage(t *testing.T) {
	for _, hash := range []string{"preset=bv-best", "preset=bv-dartboard"} {
		c := sized(t, hash)
		settle(t, c)
		allocs := testing.AllocsPerRun(100, func() {
			c.Tick()
			c.Frame()
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations a tick and frame, want 0", hash, allocs)
		}
	}
}

// BenchmarkSceneLambda is what a λ slider's step costs: 1,000 fits, their statistics,
// the ellipses, the objective's field levels and the frame.
func BenchmarkSceneLambda(b *testing.B) {
	c := New("preset=bv-ols")
	c.Do(Resize{Screen: testScreen})
	for i := range b.N {
		c.Do(SetScene{Key: "lambda", Text: formatValue(0.5 + float64(i%100)/10)})
		c.Frame()
	}
}

// BenchmarkSceneLambdaUpdate is the λ step without its frame: the sampler's fits and
// statistics, the curve, the objective; the frame adds the field's levels and items.
func BenchmarkSceneLambdaUpdate(b *testing.B) {
	c := New("preset=bv-ols")
	c.Do(Resize{Screen: testScreen})
	for i := range b.N {
		c.Do(SetScene{Key: "lambda", Text: formatValue(0.5 + float64(i%100)/10)})
	}
}

func TestSceneDragMovesLambda(t *testing.T) {
	c := sized(t, "scene=bias-variance&lambda=1")
	c.Frame()
	// A quarter of the chart's width to the right: a quarter of its six decades.
	w := float64(c.bv.chart.Dx()) / testDPR
	do(t, c, Pan{DX: w / 4, DY: 3, CanvasW: cssW, CanvasH: cssH})
	if l, want := c.bv.boards[0].spec.Lambda, math.Pow(10, 1.5); math.Abs(l-want) > 0.01*want {
		t.Errorf("λ = %v after dragging a quarter of the chart right from 1, want 10^1.5 = %.3g", l, want)
	}
	view := c.cfg.HasView
	do(t, c, Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0.5})
	if c.cfg.HasView != view || strings.Contains(c.cfg.Hash(), "view=") {
		t.Errorf("a wheel turn in the scene set the race's view: %q", c.cfg.Hash())
	}
}

// TestSceneHasAxisNumbers: the parameter space carries its axes' numbers, and
// the λ chart its decades (each where lambdaX puts it), its top value and its
// caption.
func TestSceneHasAxisNumbers(t *testing.T) {
	c := sized(t, "preset=bv-ridge")
	settle(t, c)
	f := c.Frame()
	bv := c.bv
	var xs, ys int
	decades := map[string]float64{}
	var top, caption bool
	for _, l := range f.Legend.Labels {
		switch {
		case l.Class == legend.XTickClass && image.Pt(int(l.X*testDPR), int(l.Y*testDPR)).In(bv.chart):
			decades[l.Text] = l.X
		case l.Class == legend.XTickClass:
			xs++
		case l.Class == legend.YTickClass && l.X*testDPR > float64(bv.chart.Min.X):
			top = l.Text == strconv.FormatFloat(bv.chartTop(), 'g', 3, 64)
		case l.Class == legend.YTickClass:
			ys++
		case l.Class == legend.ChartCaptionClass:
			caption = l.Text == lambdaCaption
		}
	}
	if xs < 2 || ys < 2 {
		t.Errorf("parameter space: %d x and %d y numbers, want at least 2 of each", xs, ys)
	}
	if !top || !caption {
		t.Errorf("λ chart: top value %v, caption %v; want both", top, caption)
	}
	for text, x := range decades {
		lambda, err := strconv.ParseFloat(text, 64)
		want := (float64(bv.chart.Min.X) + bv.lambdaX(lambda, float64(bv.chart.Dx()))) / testDPR
		if err != nil || math.Abs(x-want) > 1e-9 {
			t.Errorf("λ chart: %q at x = %v, want a decade at %v", text, x, want)
		}
	}
	if _, ok := decades["1"]; !ok || len(decades) < 3 {
		t.Errorf("λ chart decades %v, want 1 and its neighbours", decades)
	}
	// The data space (bv-ridge's line design shows it), on a laptop's screen:
	// its t and y numbers inside it, the t ones on the range [-1, 1] the
	// design spreads t over.
	c = New("preset=bv-ridge")
	do(t, c, Resize{Screen: Screen{W: 1280, H: 800, DPR: 1}})
	settle(t, c)
	f, bv = c.Frame(), c.bv
	if bv.data.Empty() {
		t.Fatal("bv-ridge shows no data space")
	}
	var ts, dys int
	for _, l := range f.Legend.Labels {
		if !image.Pt(int(l.X), int(l.Y)).In(bv.data.Inset(-1)) {
			continue
		}
		switch l.Class {
		case legend.XTickClass:
			if v, err := strconv.ParseFloat(l.Text, 64); err != nil || v < -1.2 || v > 1.2 {
				t.Errorf("data space: t label %q outside the design's [-1, 1]", l.Text)
			}
			ts++
		case legend.YTickClass:
			dys++
		}
	}
	if ts < 2 || dys < 2 {
		t.Errorf("data space: %d t and %d y numbers, want at least 2 of each", ts, dys)
	}
}

// TestSceneIgnoresTheGridLayout: a link asking for the grid and the scene gets
// the scene's own views, without the race's panels or their titles.
func TestSceneIgnoresTheGridLayout(t *testing.T) {
	c := sized(t, "layout=grid&preset=bv-ridge")
	settle(t, c)
	f := c.Frame()
	for _, l := range f.Legend.Labels {
		if l.Class == legend.TitleClass {
			t.Errorf("a panel title %+v in the scene", l)
		}
	}
	if len(c.grid.rects) != 0 {
		t.Errorf("%d grid panels laid out under the scene, want none", len(c.grid.rects))
	}
}
