package control

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"descent/game/config"
)

// The ill-conditioned quadratic's domain is [−5, 5]×[−3, 3] (problems'
// catalog); view.Fit leaves a 4% margin on every side, so on testScreen its
// scale, in world units a device pixel, is the larger of 10/(0.92·800) and
// 6/(0.92·600), and the centre of the screen is the origin.
const illScale = 10 / (0.92 * testW)

// round rounds x to d decimals.
func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

// decimals returns how many decimals the shortest exact form of x has.
func decimals(x float64) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestClickMovesTheStart: a click restarts every runner from the world point
// under it, rounded to a tenth of a pixel (0.00136 here, so 3 decimals), and
// the link holds that short number and reproduces the race.
func TestClickMovesTheStart(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
	do(t, c, Step{N: 5})
	// CSS (300, 75) is device (600, 150): 200 px right of the centre and 150 px above it.
	do(t, c, Click{X: 300, Y: 75, CanvasW: cssW, CanvasH: cssH})
	want := [2]float64{round(200*illScale, 3), round(150*illScale, 3)}
	st := c.State()
	if st.Start != want {
		t.Errorf("start %v, want %v", st.Start, want)
	}
	if st.Step != 0 {
		t.Errorf("step %d after the click, want 0", st.Step)
	}
	for _, r := range st.Runners {
		if r.X != want {
			t.Errorf("%s at %v, want at the new start %v", r.Optimizer, r.X, want)
		}
	}
	if s := "start=" + text(want[0]) + "," + text(want[1]); !strings.Contains(st.Hash, s) {
		t.Errorf("hash %q, want it to hold %s", st.Hash, s)
	}
	for _, v := range want {
		if d := decimals(v); d > 3 {
			t.Errorf("start coordinate %v has %d decimals, want at most 3", v, d)
		}
	}
	if got := New(st.Hash).State().Start; got != want {
		t.Errorf("the link %q starts at %v, want %v", st.Hash, got, want)
	}
	if p := c.Page(); !strings.Contains(p.Start, formatValue(want[0])) || !strings.Contains(p.Start, formatValue(want[1])) {
		t.Errorf("page start %q, want it to name %v", p.Start, want)
	}
	// The centre of the canvas is the centre of the domain (build's
	// TestPhoneLayoutPutsThePanelUnderThePlot taps it).
	do(t, c, Click{X: cssW / 2, Y: cssH / 2, CanvasW: cssW, CanvasH: cssH})
	if st := c.State(); st.Start != [2]float64{0, 0} {
		t.Errorf("start %v after a click at the centre, want (0, 0)", st.Start)
	}
	// Choosing the problem again forgets the clicked start.
	do(t, c, SetProblem{Name: "ill-conditioned"})
	if st := c.State(); st.Start != [2]float64{-4.5, 2} || strings.Contains(st.Hash, "start=") {
		t.Errorf("start %v, hash %q after choosing the problem, want its own start (-4.5, 2)", st.Start, st.Hash)
	}
}

// viewBounds returns the view the config records; ok is false without one.
func viewBounds(t *testing.T, hash string) ([4]float64, bool) {
	t.Helper()
	cfg, errs := config.Parse(hash)
	if len(errs) > 0 {
		t.Fatalf("config.Parse(%q): %v", hash, errs)
	}
	return cfg.View, cfg.HasView
}

// TestPanZoomFit: a drag moves the picture by as many pixels, a wheel scales
// it about the pointer, the link records the view rounded to a hundredth of a
// pixel, and Fit shows the domain again.
func TestPanZoomFit(t *testing.T) {
	fitted := [4]float64{-testW / 2 * illScale, testW / 2 * illScale, -testH / 2 * illScale, testH / 2 * illScale}
	// A hundredth of a pixel is 1.36e-4 world units as fitted, 6.8e-5 zoomed
	// in by 2 and 2.7e-4 zoomed out by 2: the link keeps the decimal place of
	// its leading digit, 4, 5 and 4 decimals.
	tests := []struct {
		name     string
		cmds     []Command
		want     [4]float64 // the view shown, unrounded
		decimals int        // of the view in the link; 0: no view in the link
	}{
		{"fitted", nil, fitted, 0},
		{
			// 50 CSS px right and 20 up is 100 and 40 device px: the world
			// moves with the pointer, so the view's centre goes the other way.
			"pan", []Command{Pan{DX: 50, DY: -20, CanvasW: cssW, CanvasH: cssH}},
			[4]float64{fitted[0] - 100*illScale, fitted[1] - 100*illScale, fitted[2] - 40*illScale, fitted[3] - 40*illScale}, 4,
		},
		{
			"zoom in about the centre", []Command{Zoom{X: cssW / 2, Y: cssH / 2, CanvasW: cssW, CanvasH: cssH, Factor: 0.5}},
			[4]float64{fitted[0] / 2, fitted[1] / 2, fitted[2] / 2, fitted[3] / 2}, 5,
		},
		{
			// About the top-left corner, which stays over the same world point.
			"zoom out about a corner", []Command{Zoom{X: 0, Y: 0, CanvasW: cssW, CanvasH: cssH, Factor: 2}},
			[4]float64{fitted[0], fitted[0] + 2*(fitted[1]-fitted[0]), fitted[3] - 2*(fitted[3]-fitted[2]), fitted[3]}, 4,
		},
		{
			"fit after pan and zoom", []Command{
				Pan{DX: 50, DY: -20, CanvasW: cssW, CanvasH: cssH},
				Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0.3}, Fit{},
			}, fitted, 0,
		},
		{
			// A chosen view keeps its world rectangle on a new screen size.
			"pan then resize", []Command{
				Pan{DX: 50, DY: -20, CanvasW: cssW, CanvasH: cssH},
				Resize{Screen: Screen{W: testW, H: testH / 2, DPR: testDPR}},
			},
			[4]float64{fitted[0] - 100*illScale, fitted[1] - 100*illScale, fitted[2] - 40*illScale, fitted[3] - 40*illScale}, 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sized(t, "problem=ill-conditioned&paused=1")
			start := c.State().Start
			for _, cmd := range tt.cmds {
				do(t, c, cmd)
			}
			st := c.State()
			// The link rounds to the decimal place q; the view shown is the
			// link's, widened in one direction to the screen's shape by at
			// most another q/2.
			q := math.Pow(10, -float64(max(tt.decimals, 3)))
			tol := q / 2
			hv, has := viewBounds(t, st.Hash)
			if has != (tt.decimals > 0) {
				t.Fatalf("hash %q has a view: %v, want %v", st.Hash, has, tt.decimals > 0)
			}
			if has {
				for i := range hv {
					if !near(hv[i], tt.want[i], tol) || decimals(hv[i]) > tt.decimals {
						t.Errorf("link view %v, want %v rounded to %d decimals", hv, tt.want, tt.decimals)
						break
					}
				}
			}
			if tt.name == "pan then resize" {
				if st.View[0] > hv[0] || st.View[1] < hv[1] || st.View[2] > hv[2] || st.View[3] < hv[3] {
					t.Errorf("view %v on the new screen, want it to hold the link's %v", st.View, hv)
				}
				return
			}
			for i := range st.View {
				if !near(st.View[i], tt.want[i], q) {
					t.Errorf("view %v, want %v ± %g", st.View, tt.want, q)
					break
				}
			}
			if st.Start != start || st.Step != 0 {
				t.Errorf("start %v step %d, want the race untouched at %v", st.Start, st.Step, start)
			}
		})
	}
}

// TestPointerIgnoresBadNumbers: a pointer event with numbers that mean
// nothing, or before the canvas has a size, changes nothing at all.
func TestPointerIgnoresBadNumbers(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	bad := []Command{
		Click{X: nan, Y: 10, CanvasW: cssW, CanvasH: cssH},
		Click{X: 10, Y: inf, CanvasW: cssW, CanvasH: cssH},
		Click{X: -inf, Y: 10, CanvasW: cssW, CanvasH: cssH},
		Click{X: 10, Y: 10, CanvasW: 0, CanvasH: cssH},
		Click{X: 10, Y: 10, CanvasW: cssW, CanvasH: -1},
		Click{X: 10, Y: 10, CanvasW: nan, CanvasH: cssH},
		Pan{DX: nan, DY: 0, CanvasW: cssW, CanvasH: cssH},
		Pan{DX: 5, DY: 5, CanvasW: cssW, CanvasH: 0},
		Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0},
		Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: -2},
		Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: nan},
		Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: inf},
		Zoom{X: nan, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0.5},
		Zoom{X: 10, Y: 10, CanvasW: 0, CanvasH: 0, Factor: 0.5},
	}
	good := []Command{
		Click{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH},
		Pan{DX: 5, DY: 5, CanvasW: cssW, CanvasH: cssH},
		Zoom{X: 10, Y: 10, CanvasW: cssW, CanvasH: cssH, Factor: 0.5},
	}
	check := func(t *testing.T, c *Controller, cmd Command) {
		t.Helper()
		before, v := c.State(), c.Version()
		if notes := c.Do(cmd); len(notes) != 0 {
			t.Errorf("%#v: notes %q, want none", cmd, notes)
		}
		if after := c.State(); !reflect.DeepEqual(after, before) || c.Version() != v {
			t.Errorf("%#v changed the state: start %v view %v, version %d; want start %v view %v, version %d",
				cmd, after.Start, after.View, c.Version(), before.Start, before.View, v)
		}
		if p := c.Probe(10, 10, 0, cssH); p != "" {
			t.Errorf("probe %q on a canvas of no width, want none", p)
		}
	}
	t.Run("bad numbers", func(t *testing.T) {
		c := sized(t, "problem=ill-conditioned&paused=1")
		for _, cmd := range bad {
			check(t, c, cmd)
		}
	})
	// A screen of no height (a collapsed canvas) has no world point under
	// any pixel, whatever size the page still reports for the canvas.
	for _, screen := range []Screen{{W: testW, H: 0, DPR: 1}, {W: 0, H: testH, DPR: 1}} {
		t.Run(fmt.Sprintf("on a %dx%d screen", screen.W, screen.H), func(t *testing.T) {
			c := sized(t, "problem=ill-conditioned&paused=1")
			do(t, c, Resize{Screen: screen})
			for _, cmd := range good {
				check(t, c, cmd)
			}
		})
	}
	t.Run("before the first Resize", func(t *testing.T) {
		c := New("problem=ill-conditioned&paused=1")
		for _, cmd := range good {
			check(t, c, cmd)
		}
		if p := c.Probe(10, 10, cssW, cssH); p != "" {
			t.Errorf("probe %q before the first Resize, want none", p)
		}
	})
}

// TestResize: a new canvas size refits the domain; the same size changes
// nothing; a device-pixel ratio that means nothing is taken as 1.
func TestResize(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&paused=1")
	c.Frame()
	do(t, c, Resize{Screen: testScreen})
	if c.Dirty() {
		t.Errorf("the same size made the frame dirty")
	}
	// 1000×500: the domain's height decides, 6/(0.92·500) world units a pixel.
	do(t, c, Resize{Screen: Screen{W: 1000, H: 500, DPR: math.NaN()}})
	scale := 6 / (0.92 * 500)
	want := [4]float64{-500 * scale, 500 * scale, -250 * scale, 250 * scale}
	st := c.State()
	for i := range want {
		if !near(st.View[i], want[i], 1e-12) {
			t.Errorf("view %v on 1000×500, want %v", st.View, want)
			break
		}
	}
	if c.screen.DPR != 1 || !c.Dirty() {
		t.Errorf("DPR %v, dirty %v after a NaN ratio, want 1 and dirty", c.screen.DPR, c.Dirty())
	}
	do(t, c, Resize{Screen: Screen{W: 1000, H: 500, DPR: -2}})
	if c.screen.DPR != 1 {
		t.Errorf("DPR %v after a negative ratio, want 1", c.screen.DPR)
	}
}

// TestProbeReadsTheSurface: 50 CSS px (100 device px) right of the centre of
// the ill-conditioned quadratic is (100·scale, 0), where f = 0.1x² and
// ∇f = (0.2x, 0) (the notes' a₁ = 0.1, a₂ = 10), and κ = 20/0.2, the
// Hessian being diag(0.2, 20).
func TestProbeReadsTheSurface(t *testing.T) {
	c := sized(t, "problem=ill-conditioned&paused=1")
	x := 100 * illScale
	n := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	want := "(" + n(x) + ", 0)   f = " + n(0.1*x*x) + "   ∇f = (" + n(0.2*x) + ", 0)   λ = 20, 0.2   κ = " + n(20/0.2)
	if got := c.Probe(cssW/2+50, cssH/2, cssW, cssH); got != want {
		t.Errorf("probe %q, want %q", got, want)
	}
	if got := c.Probe(math.NaN(), 1, cssW, cssH); got != "" {
		t.Errorf("probe %q at NaN, want none", got)
	}
}

// TestPointerKeepsTheLinkReadable: a start or a view a link could not hold (a
// coordinate beyond config.MaxCoordinate, a view too narrow to draw) is not
// taken, so the link the page writes always parses back to the page.
func TestPointerKeepsTheLinkReadable(t *testing.T) {
	c := sized(t, "start=1e12,1e12&paused=1")
	for range 3 {
		c.Do(MoveStart{DX: 1})
	}
	for range 40 {
		c.Do(Pan{DX: 1e6, DY: -1e6, CanvasW: cssW, CanvasH: cssH})
	}
	h := c.State().Hash
	if _, errs := config.Parse(h); len(errs) != 0 {
		t.Errorf("the page wrote %q, which does not parse: %v", h, errs)
	}
}
