package control

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"descent/game/legend"
	"descent/game/race"
	"descent/game/view"
)

// gridFields returns the frame's field views.
func gridFields(f *Frame) []View {
	var vs []View
	for _, v := range f.Views {
		if v.Kind == FieldView {
			vs = append(vs, v)
		}
	}
	return vs
}

// ballAt returns the position of the ball sprite in v, relative to v's rectangle.
func ballAt(t *testing.T, v View) (float64, float64) {
	t.Helper()
	for _, it := range v.Items {
		if it.Kind == Markers && (it.Sprite == view.BallSprite || it.Sprite == view.DivergedSprite) {
			return float64(it.Pts[0]), float64(it.Pts[1])
		}
	}
	t.Fatalf("view %v has no ball", v.Rect)
	return 0, 0
}

// TestGridShowsAPanelPerRunner: layout=grid gives one field view per runner,
// apart, each with its runner's ball where the runner is in its panel's view,
// and the chart; the overlay shows one field.
func TestGridShowsAPanelPerRunner(t *testing.T) {
	c := sized(t, "layout=grid&paused=1")
	do(t, c, Step{N: 7})
	fields := gridFields(c.Frame())
	rs := c.Race().Runners
	if len(fields) != len(rs) {
		t.Fatalf("got %d field views, want one per runner (%d)", len(fields), len(rs))
	}
	for i, v := range fields {
		for j := range i {
			if v.Rect.Overlaps(fields[j].Rect) {
				t.Errorf("panels %d %v and %d %v overlap", j, fields[j].Rect, i, v.Rect)
			}
		}
		geo := v.Field.Geo
		if geo.W != v.Rect.Dx() || geo.H != v.Rect.Dy() {
			t.Errorf("panel %d: geometry %d×%d, want its rectangle's %v", i, geo.W, geo.H, v.Rect.Size())
		}
		wx, wy := geo.ToScreen(rs[i].X, rs[i].Y)
		if x, y := ballAt(t, v); math.Abs(x-wx) > 0.5 || math.Abs(y-wy) > 0.5 {
			t.Errorf("panel %d: ball at (%g, %g), want runner %d's position (%g, %g)", i, x, y, i, wx, wy)
		}
	}
	do(t, c, SetLayout{Grid: false})
	if n := len(gridFields(c.Frame())); n != 1 {
		t.Errorf("overlay: got %d field views, want 1", n)
	}
}

// TestGridLevelLegendKeepsOffThePanels: in grid layout the level legend stands
// in the free cell with the chart, below the panels, or is left out where the
// cell is too low for it; over the single field it stands as high as it may.
func TestGridLevelLegendKeepsOffThePanels(t *testing.T) {
	for _, s := range []Screen{{W: 980, H: 720, DPR: 1}, {W: 1960, H: 1440, DPR: 2}, {W: 980, H: 420, DPR: 1}, {W: 1600, H: 1000, DPR: 1}} {
		c := New("layout=grid&paused=1")
		do(t, c, Resize{Screen: s})
		f := c.Frame()
		var level View
		for _, v := range f.Views {
			if v.Kind == LevelView {
				level = v
			}
		}
		fields := gridFields(f)
		for _, p := range fields {
			if level.Rect.Overlaps(p.Rect) {
				t.Errorf("%+v: the level legend %v overlaps the panel %v", s, level.Rect, p.Rect)
			}
		}
		if !level.Rect.Empty() && level.Rect.Dy() < int(levelMinHeight*s.DPR) {
			t.Errorf("%+v: a level legend %d px high, want none under %v", s, level.Rect.Dy(), levelMinHeight*s.DPR)
		}
		if s.H == 720 && level.Rect.Empty() {
			t.Errorf("%+v: no level legend, though the free cell has room for one", s)
		}
	}
	c := sized(t, "paused=1")
	if r := levelRect(c.screen, nil); r.Dy() != int(min(levelHeight*c.screen.DPR, 0.3*float64(c.screen.H))) {
		t.Errorf("single field: level legend %v, want the full height", r)
	}
}

// TestGridPhoneHasTwoColumns: on a screen narrower than SheetBelow the panels
// stand in two columns.
func TestGridPhoneHasTwoColumns(t *testing.T) {
	s := Screen{W: 2 * 400, H: 2 * 500, DPR: 2} // 400 CSS pixels wide, below SheetBelow
	rects := gridRects(nil, s, 5)
	cols := map[int]bool{}
	for _, r := range rects {
		cols[r.Min.X] = true
	}
	if len(rects) != 5 || len(cols) != gridPhoneColumns {
		t.Errorf("got %d panels in %d columns, want 5 in %d", len(rects), len(cols), gridPhoneColumns)
	}
}

// TestGridPanMovesEveryPanel: a pan over the grid moves every panel's view by
// the same world distance, and a click in the third panel restarts every
// runner at the world point under it in that panel.
func TestGridPanMovesEveryPanel(t *testing.T) {
	c := sized(t, "layout=grid&paused=1")
	before := gridFields(c.Frame())
	var geos []view.View // copied: the frame's fields are reused by the next frame
	for _, v := range before {
		geos = append(geos, v.Field.Geo)
	}
	do(t, c, Pan{DX: 30, DY: -20, CanvasW: cssW, CanvasH: cssH})
	after := gridFields(c.Frame())
	if len(after) < 3 {
		t.Fatalf("%d panels, want 5", len(after))
	}
	for i, v := range after {
		g := v.Field.Geo
		want := geos[i].PanBy(30*testDPR, -20*testDPR) // CSS pixels to device pixels
		if geos[i] == want {
			t.Fatalf("panel %d: the pan moves nothing: the test lost its point", i)
		}
		if math.Abs(g.CX-want.CX) > g.Scale || math.Abs(g.CY-want.CY) > g.Scale {
			t.Errorf("panel %d: centre (%g, %g) after the pan, want (%g, %g)", i, g.CX, g.CY, want.CX, want.CY)
		}
	}
	r := after[2].Rect
	px, py := float64(r.Min.X+r.Dx()/3), float64(r.Min.Y+r.Dy()/4)
	do(t, c, Click{X: px / testDPR, Y: py / testDPR, CanvasW: cssW, CanvasH: cssH})
	g := after[2].Field.Geo
	wx, wy := g.ToWorld(px-float64(r.Min.X), py-float64(r.Min.Y))
	for _, rn := range c.Race().Runners {
		if math.Abs(rn.X-wx) > g.Scale || math.Abs(rn.Y-wy) > g.Scale || rn.Status == race.Diverged {
			t.Errorf("%s restarted at (%g, %g), want the point under the click in panel 3 (%g, %g)", rn.Optimizer, rn.X, rn.Y, wx, wy)
		}
	}
}

// TestGridFrameMakesNoGarbage: the grid's frames reuse their buffers too.
func TestGridFrameMakesNoGarbage(t *testing.T) {
	c := sized(t, "layout=grid&o=gd:lr=0.001;momentum:lr=0.001;adam:lr=0.0001&lbfgs=1")
	for range 50 {
		c.Tick()
		c.Frame()
	}
	if allocs := testing.AllocsPerRun(200, func() { c.Tick(); c.Frame() }); allocs != 0 {
		t.Errorf("%v allocations a tick and grid frame, want 0", allocs)
	}
}

// TestFinishedRaceIsSummarised: when every runner has stopped, the notes rank
// them by race.Summary: the step each reached the minimum, earliest first.
func TestFinishedRaceIsSummarised(t *testing.T) {
	c := sized(t, "problem=quadratic&o=gd;rmsprop&paused=1")
	do(t, c, Step{N: 3000})
	if !c.Race().Done() {
		t.Fatalf("the race is still running after 3000 steps: the test lost its point")
	}
	var got string
	for _, n := range c.Notes() {
		if strings.HasPrefix(n, "Finished") {
			got = n
		}
	}
	entries := []race.Entry{}
	for i, r := range c.Config().Runners {
		entries = append(entries, race.Entry{Optimizer: r.Optimizer, Params: c.Config().RunnerParams(i), Seed: 1})
	}
	paths, err := race.Replay(c.Problem(), c.Race().Start, entries, c.Race().Step)
	if err != nil {
		t.Fatal(err)
	}
	want := summaryNote(race.Summary(paths, c.Problem().MinValue()))
	if got != want || !strings.Contains(got, "1. ") || !strings.Contains(got, "at step ") {
		t.Errorf("summary note %q, want %q ranking both runners", got, want)
	}
}

// TestAxisNumbersSitOnTheirTicks: every x number of the overlay is placed at
// the screen position of its value, and every y number likewise, in CSS pixels;
// in grid layout each panel has a title naming its runner's row.
func TestAxisNumbersSitOnTheirTicks(t *testing.T) {
	c := sized(t, "paused=1")
	f := c.Frame()
	geo := f.Views[0].Field.Geo
	var xs, ys int
	for _, l := range f.Legend.Labels {
		v, err := strconv.ParseFloat(l.Text, 64)
		switch l.Class {
		case legend.XTickClass:
			xs++
			sx, _ := geo.ToScreen(v, 0)
			if err != nil || math.Abs(sx/testDPR-l.X) > 0.01 {
				t.Errorf("x number %q at %g CSS px, want %g (err %v)", l.Text, l.X, sx/testDPR, err)
			}
		case legend.YTickClass:
			ys++
			_, sy := geo.ToScreen(0, v)
			if err != nil || math.Abs(sy/testDPR-l.Y) > 0.01 {
				t.Errorf("y number %q at %g CSS px, want %g (err %v)", l.Text, l.Y, sy/testDPR, err)
			}
		case legend.TitleClass:
			t.Errorf("a panel title %+v in the overlay, want none", l)
		}
	}
	if xs < 2 || ys < 2 {
		t.Errorf("%d x and %d y numbers, want at least 2 of each", xs, ys)
	}
	do(t, c, SetLayout{Grid: true})
	f = c.Frame()
	var rows []int
	sized := 0 // titles found in their panel's top left, their width checked
	for _, l := range f.Legend.Labels {
		if l.Class == legend.TitleClass {
			rows = append(rows, l.Row)
			// Its panel is the field view whose top left it sits in.
			for _, v := range f.Views {
				if v.Kind == FieldView && math.Abs(float64(v.Rect.Min.X)/testDPR+titleInset-l.X) < 0.01 && math.Abs(float64(v.Rect.Min.Y)/testDPR+titleInset-l.Y) < 0.01 {
					sized++
					if want := float64(v.Rect.Dx())/testDPR - 2*titleInset; math.Abs(l.MaxWidth-want) > 0.01 {
						t.Errorf("title of row %d at most %g CSS px wide, want its panel's width less the insets, %g", l.Row, l.MaxWidth, want)
					}
				}
			}
		}
	}
	if sized != len(rows) {
		t.Errorf("%d of %d titles sit in a panel's top left", sized, len(rows))
	}
	if len(rows) != len(c.Race().Runners) || rows[0] != 1 || rows[len(rows)-1] != len(rows) {
		t.Errorf("grid titles show rows %v, want 1 to %d", rows, len(c.Race().Runners))
	}
}

// TestGridShowsArrowsAndEllipses: with arrows on, each grid panel draws its own
// runner's update arrow, from θₖ₋₁ to the ball as that panel shows them; the
// pointer over one panel puts the local ellipse in every panel, at the same
// world point.
func TestGridShowsArrowsAndEllipses(t *testing.T) {
	c := sized(t, "layout=grid&o=gd:lr=0.001;momentum:lr=0.001&arrows=1&paused=1")
	do(t, c, Step{N: 3})
	fields := gridFields(c.Frame())
	rs := c.Race().Runners
	if len(fields) != 2 {
		t.Fatalf("%d panels, want 2", len(fields))
	}
	for i, v := range fields {
		geo := v.Field.Geo
		tx, ty := geo.ToScreen(rs[i].From[0], rs[i].From[1])
		bx, by := geo.ToScreen(rs[i].X, rs[i].Y)
		shafts := 0
		for _, it := range v.Items {
			if it.Kind != Polyline || it.Width != updateWidth*testDPR || len(it.Pts) != 4 {
				continue
			}
			shafts++
			// From θₖ₋₁ towards the ball (a short arrow is stretched to be seen).
			ux, uy := float64(it.Pts[2])-float64(it.Pts[0]), float64(it.Pts[3])-float64(it.Pts[1])
			wx, wy := bx-tx, by-ty
			cos := (ux*wx + uy*wy) / math.Hypot(ux, uy) / math.Hypot(wx, wy)
			if math.Abs(float64(it.Pts[0])-tx) > 1e-3 || math.Abs(float64(it.Pts[1])-ty) > 1e-3 || cos < 0.9999 {
				t.Errorf("panel %d: update arrow %v, want from θₖ₋₁ (%g, %g) towards the ball (%g, %g)", i, it.Pts, tx, ty, bx, by)
			}
		}
		if shafts != 1 {
			t.Errorf("panel %d: %d update arrows, want its runner's one", i, shafts)
		}
	}
	// The pointer at the middle of the first panel: an ellipse in both, centred
	// on the same world point.
	r := fields[0].Rect
	cx, cy := float64(r.Min.X+r.Max.X)/2/testDPR, float64(r.Min.Y+r.Max.Y)/2/testDPR
	do(t, c, Hover{X: cx, Y: cy, CanvasW: cssW, CanvasH: cssH})
	fields = gridFields(c.Frame())
	var centres [][2]float64
	for i, v := range fields {
		for _, it := range v.Items {
			if it.Kind == Polyline && it.Color == ellipseColor && len(it.Pts) == 2*(ellipseSegments+1) {
				mx, my := extentMid(it.Pts, 0), extentMid(it.Pts, 1)
				wx, wy := v.Field.Geo.ToWorld(mx, my)
				centres = append(centres, [2]float64{wx, wy})
			}
		}
		if len(centres) != i+1 {
			t.Fatalf("panel %d: no ellipse under a pointer over panel 0", i)
		}
	}
	if d := math.Hypot(centres[0][0]-centres[1][0], centres[0][1]-centres[1][1]); d > 1e-6*(1+math.Abs(centres[0][0])) {
		t.Errorf("ellipses at %v: want the same world point in each panel", centres)
	}
}

// extentMid is the middle of the span of the coordinate k (0 x, 1 y) of pts.
func extentMid(pts []float32, k int) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := k; i < len(pts); i += 2 {
		lo, hi = math.Min(lo, float64(pts[i])), math.Max(hi, float64(pts[i]))
	}
	return (lo + hi) / 2
}
