//go:build !(js && wasm)

package main

// What the canvas shows, read from screenshots' pixels.

import (
	"fmt"
	"image"
	"math"
	"strings"
	"testing"
)

func TestScreenshotShowsFieldAndBalls(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	eval[stateJS](tb, "descent.step(40)")
	nextFrame(tb)
	img := screenshot(tb, *screenshotOut)
	checkField(t, img, "ill-conditioned")
	// Each ball: the pixel at its centre has its colour.
	st := tb.state()
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92))
	colourOf := map[string]string{}
	for _, r := range eval[[]struct {
		Optimizer string `json:"optimizer"`
		Color     string `json:"color"`
	}](tb, "descent.state().runners") {
		colourOf[r.Optimizer] = r.Color
	}
	checked := 0
	defer func() {
		if checked < 3 {
			t.Errorf("only %d balls were uncovered enough to check, want at least 3", checked)
		}
	}()
	screen := func(r runnerJS) (float64, float64) { return cw/2 + r.X[0]/scale, ch/2 - r.X[1]/scale }
	for i, r := range st.Runners {
		sx, sy := screen(r)
		hidden := false // balls are drawn in order: a later one may cover this one
		for _, later := range st.Runners[i+1:] {
			lx, ly := screen(later)
			hidden = hidden || abs(lx-sx) < 14 && abs(ly-sy) < 14
		}
		if hidden {
			continue
		}
		checked++
		if !hasColourNear(img, int(sx), int(sy), colourOf[r.Optimizer], 3) {
			t.Errorf("no %s pixel near %s's ball at (%.0f,%.0f)", colourOf[r.Optimizer], r.Optimizer, sx, sy)
		}
	}
}

// TestEveryProblemPaintsItsField compiles and runs every problem's shader in the
// browser: a formula the expression language accepts but Kage does not would
// leave a blank plot.
func TestEveryProblemPaintsItsField(t *testing.T) {
	tb := open(t, "paused=1")
	names := eval[[]string](tb, "descent.problems().map(p => p.name)")
	for _, name := range names {
		if notes := eval[[]string](tb, fmt.Sprintf("descent.configure(%q)", "problem="+name)); len(notes) != 0 {
			t.Errorf("%s: configure said %q", name, notes)
		}
		nextFrame(tb)
		if notes := tb.state().Notes; len(notes) != 0 {
			t.Errorf("%s: notes after drawing: %q", name, notes)
		}
		img := screenshot(tb, "")
		checkField(t, img, name)
	}
}

func TestLossChartShowsEveryRunner(t *testing.T) {
	tb := open(t, "preset=fig3&paused=1")
	eval[stateJS](tb, "descent.step(60)")
	nextFrame(tb)
	type labels struct {
		Steps, Top, Bottom string
		Box                [4]float64
	}
	// The chart's box is read off its labels, 3 CSS px inside its corners
	// (game/control/labels.go): the decades' right edges and the top one's
	// top, the steps' left edge and bottom.
	l := eval[labels](tb, `(() => {
		const q = s => document.querySelector("#plot-labels " + s), t = q(".pl-tr"), b = q(".pl-bl");
		const tr = t.getBoundingClientRect(), bl = b.getBoundingClientRect();
		return {Steps: b.textContent, Top: t.textContent, Bottom: q(".pl-br").textContent,
			Box: [bl.left - 3, tr.top - 3, tr.right + 3 - (bl.left - 3), bl.bottom + 3 - (tr.top - 3)]};
	})()`)
	if l.Steps != "steps 0–60" || !strings.HasPrefix(l.Top, "1e") || !strings.HasPrefix(l.Bottom, "1e") {
		t.Errorf("chart labels %+v", l)
	}
	img := screenshot(tb, "")
	// Each runner's curve crosses the chart in its own colour.
	for _, r := range tb.state().Runners {
		col := eval[string](tb, fmt.Sprintf("descent.state().runners[%d].color", r.ID))
		found := false
		for y := int(l.Box[1]); y < int(l.Box[1]+l.Box[3]) && !found; y += 2 {
			for x := int(l.Box[0]); x < int(l.Box[0]+l.Box[2]) && !found; x += 2 {
				found = hasColourNear(img, x, y, col, 0)
			}
		}
		if !found {
			t.Errorf("no %s pixel of %s's loss curve in the chart %v", col, r.Optimizer, l.Box)
		}
	}
}

func TestUndefinedRegionsAreHatched(t *testing.T) {
	// log(x) is undefined for x <= 0: the left half of the default view.
	tb := open(t, "expr=log(x)%2By^2&paused=1")
	nextFrame(tb)
	img := screenshot(tb, "")
	grey := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r == g && g == b
	}
	cw := pageW - panelW
	left, right := 0, 0
	for y := 250; y < 450; y += 5 {
		for x := 20; x < cw/2-20; x += 5 {
			if grey(x, y) {
				left++
			}
			if grey(cw/2+20+x-20, y) {
				right++
			}
		}
	}
	if left < 9*right || left < 500 {
		t.Errorf("%d grey samples where log(x) is undefined, %d where it is defined: want the undefined half hatched grey", left, right)
	}
}

// TestTrailsFollowTheRunners checks the trail between each of a runner's
// steps on screen: drawn a step a frame (what a frame adds is drawn onto the
// cached picture under the items), and drawn whole again after the view
// moves, where the trail was before showing no more of it.
func TestTrailsFollowTheRunners(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=gd&start=-4,1.5&paused=1")
	eval[stateJS](tb, "(descent.reset(), descent.state())") // a painter may keep this field for restarts: not once the view moves
	nextFrame(tb)
	pts := [][2]float64{tb.state().Runners[0].X}
	for range 8 {
		eval[stateJS](tb, "descent.step(1)")
		nextFrame(tb)
		pts = append(pts, tb.state().Runners[0].X)
	}
	colour := eval[string](tb, "descent.state().runners[0].color")
	// midpoints returns, for the view v, the screen midpoints of the steps
	// long enough to tell from the ball, and every step's ends.
	midpoints := func(v [4]float64) (mids, ends [][2]float64) {
		cw, ch := float64(pageW-panelW), float64(pageH)
		for _, p := range pts {
			ends = append(ends, [2]float64{(p[0] - v[0]) / (v[1] - v[0]) * cw, (v[3] - p[1]) / (v[3] - v[2]) * ch})
		}
		for i := 1; i < len(ends); i++ {
			a, b := ends[i-1], ends[i]
			if math.Hypot(b[0]-a[0], b[1]-a[1]) >= 16 {
				mids = append(mids, [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2})
			}
		}
		return mids, ends
	}
	check := func(when string, mids [][2]float64) image.Image {
		t.Helper()
		img := screenshot(tb, "")
		for _, m := range mids {
			if !hasColourNear(img, int(m[0]), int(m[1]), colour, 1) {
				t.Errorf("%s: no %s pixel of the trail at (%.0f,%.0f)", when, colour, m[0], m[1])
			}
		}
		if len(mids) < 4 {
			t.Errorf("%s: only %d steps long enough to check, want at least 4", when, len(mids))
		}
		return img
	}
	before := tb.state().View
	old, _ := midpoints(before)
	check("stepped a frame at a time", old)
	dx := (before[1] - before[0]) / 6 // the picture moves right, the trail with it
	if notes := eval[[]string](tb, fmt.Sprintf("descent.configure(%q)", fmt.Sprintf("view=%g,%g,%g,%g", before[0]-dx, before[1]-dx, before[2], before[3]))); len(notes) != 0 {
		t.Fatalf("configure said %q", notes)
	}
	nextFrame(tb)
	st := tb.state()
	if st.Step != 8 || st.View[0] == before[0] {
		t.Fatalf("moving the view gave step %d, view %v (was %v)", st.Step, st.View, before)
	}
	mids, ends := midpoints(st.View)
	img := check("after the view moved", mids)
	gone := 0
	for _, m := range old { // where the trail was, away from where it is now
		near := false
		for i := 1; i < len(ends); i++ {
			near = near || distToSegment(m, ends[i-1], ends[i]) < 12
		}
		if near {
			continue
		}
		gone++
		if hasColourNear(img, int(m[0]), int(m[1]), colour, 1) {
			t.Errorf("after the view moved: the trail is still drawn where it was, at (%.0f,%.0f)", m[0], m[1])
		}
	}
	if gone < 3 {
		t.Errorf("only %d of the trail's old places lie away from the new trail, want at least 3", gone)
	}

	// A restart draws the trails anew over a field that has not changed: the
	// first time from the field painted again for the purpose, the second from
	// that painting kept. Both must show the field as a page that opens at this
	// view does, with no trail left on it.
	restarted := func(when string) image.Image {
		t.Helper()
		eval[stateJS](tb, "(descent.reset(), descent.state())")
		nextFrame(tb)
		if st := tb.state(); st.Step != 0 {
			t.Fatalf("%s: step %d after reset", when, st.Step)
		}
		img := screenshot(tb, "")
		for _, m := range mids[1:] { // the first is by the ball, back at the start
			if hasColourNear(img, int(m[0]), int(m[1]), colour, 1) {
				t.Errorf("%s: the trail is still drawn at (%.0f,%.0f)", when, m[0], m[1])
			}
		}
		return img
	}
	first := restarted("the first restart")
	eval[stateJS](tb, "descent.step(8)")
	nextFrame(tb)
	check("stepped again", mids)
	second := restarted("the second restart")
	fresh := open(t, fmt.Sprintf("problem=ill-conditioned&o=gd&start=-4,1.5&paused=1&view=%g,%g,%g,%g", st.View[0], st.View[1], st.View[2], st.View[3]))
	want := screenshot(fresh, "")
	for when, img := range map[string]image.Image{"the first restart": first, "the second restart": second} {
		if n, of := differentPixels(img, want, image.Rect(0, 0, pageW-panelW, pageH)); n > of/100 {
			t.Errorf("%s: %d of %d pixels of the plot differ from a page opened at this view", when, n, of)
		}
	}
}

// differentPixels counts the pixels of r that differ between a and b by more
// than a little in some channel, and returns the count and r's area.
func differentPixels(a, b image.Image, r image.Rectangle) (n, of int) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absInt(int(r1>>8)-int(r2>>8)) > 3 || absInt(int(g1>>8)-int(g2>>8)) > 3 || absInt(int(b1>>8)-int(b2>>8)) > 3 {
				n++
			}
		}
	}
	return n, r.Dx() * r.Dy()
}

// distToSegment is the distance from p to the segment ab.
func distToSegment(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	u := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		u = max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	return math.Hypot(p[0]-a[0]-u*dx, p[1]-a[1]-u*dy)
}

// TestMovedItemsLeaveNoTrace: a frame copies onto the screen, which keeps the
// last frame, only what changed (view.Damage): where the last frame's items
// were, what the trails added, and the chart over the plot, drawn anew every
// frame. Balls that moved a step a frame for a dozen frames, past the chart's
// corner and with a step's explanation arrows following one of them, must
// leave the plot as a page that took the same steps in one frame shows it: a
// ball, an arrow or a chart whose old place was not copied over shows as
// pixels of another colour, where the two pages differ only along the trails'
// joints, which one frame draws whole and the other a step at a time.
func TestMovedItemsLeaveNoTrace(t *testing.T) {
	for _, layout := range []string{"overlay", "grid"} { // one field under the chart; a panel per runner
		hash := "problem=ill-conditioned&o=gd;momentum;adam&start=-4,1.5&follow=2&paused=1&layout=" + layout
		tb := open(t, hash)
		nextFrame(tb)
		for range 12 {
			eval[stateJS](tb, "descent.step(1)")
			nextFrame(tb)
		}
		stepped := screenshot(tb, "")
		fresh := open(t, hash)
		eval[stateJS](fresh, "descent.step(12)")
		nextFrame(fresh)
		whole := screenshot(fresh, "")
		plot := image.Rect(0, 0, pageW-panelW, pageH)
		strong := 0
		for y := plot.Min.Y; y < plot.Max.Y; y++ {
			for x := plot.Min.X; x < plot.Max.X; x++ {
				r1, g1, b1, _ := stepped.At(x, y).RGBA()
				r2, g2, b2, _ := whole.At(x, y).RGBA()
				if max(absInt(int(r1>>8)-int(r2>>8)), absInt(int(g1>>8)-int(g2>>8)), absInt(int(b1>>8)-int(b2>>8))) > 64 {
					strong++
				}
			}
		}
		// Measured, overlay: 42 pixels differ, 1 by more than 64. Without the
		// last frame's items copied over, 4,429 and 2,822; without what the
		// trails added, 3,216 and 2,086; without the chart's rectangle,
		// 38,640 (its translucent face drawn over itself).
		n, of := differentPixels(stepped, whole, plot)
		t.Logf("%s: %d pixels differ, %d strongly", layout, n, strong)
		if n > of/500 || strong > 100 {
			t.Errorf("%s: %d of %d pixels of the plot differ from a page that took the steps in one frame, %d of them strongly: something drawn in an earlier frame is left on the screen", layout, n, of, strong)
		}
	}
}
