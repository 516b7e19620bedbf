package control

import (
	"image/color"

	"descent/game/race"
	"descent/game/view"
	"descent/problems"

	"strconv"
	"strings"
	"testing"
)

// The screen most tests use: 800×600 device pixels at two device pixels a CSS
// pixel, a 400×300 CSS-pixel canvas, so that the CSS→device conversion is not
// the identity.
const (
	testW, testH = 800, 600
	testDPR      = 2
	cssW, cssH   = testW / testDPR, testH / testDPR
)

// testScreen is the screen of sized.
var testScreen = Screen{W: testW, H: testH, DPR: testDPR}

// sized returns a controller for hash, laid out on testScreen. A hash with any
// note is a mistake in the test.
func sized(t *testing.T, hash string) *Controller {
	t.Helper()
	c := New(hash)
	if notes := c.changeNotes; len(notes) > 0 {
		t.Fatalf("New(%q) notes %q about the link, want none", hash, notes)
	}
	c.Do(Resize{Screen: testScreen})
	return c
}

// do applies cmd and fails the test on any note.
func do(t *testing.T, c *Controller, cmd Command) {
	t.Helper()
	if notes := c.Do(cmd); len(notes) > 0 {
		t.Fatalf("Do(%#v) notes %q, want none", cmd, notes)
	}
}

// count returns how many of notes contain sub.
func count(notes []string, sub string) int {
	n := 0
	for _, s := range notes {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}

// text is how the panel sends a number to SetParam (wasm/panel.go, knobRow):
// the shortest decimal that reads back exactly.
func text(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// knobOf returns the knob of runner's parameter name, failing the test when
// the panel would have none.
func knobOf(t *testing.T, c *Controller, runner int, name string) Knob {
	t.Helper()
	for _, k := range c.Knobs() {
		if k.Runner == runner && k.Param.Name == name {
			return k
		}
	}
	t.Fatalf("no knob %d.%s among %d knobs", runner, name, len(c.Knobs()))
	return Knob{}
}

// looked is a frame read back the way the tests ask about it: the field view's
// surface, each runner's trail and ball, the start, the reference path, and
// the chart's curves and decade lines in screen pixels.
type looked struct {
	*Frame
	Field     view.View
	Levels    view.Levels
	Refield   bool
	Problem   *problems.Problem
	Runners   []lookedRunner
	Start     [2]float32
	Reference []float32 // the reference path's line on the field
	Chart     struct {
		Curves    [][]float32 // runners' curves
		Reference []float32
		Decades   []float32 // heights of the decade lines
	}
}

type lookedRunner struct {
	X, Y   float32
	Color  color.RGBA
	Status race.Status
	Trail  []float32
}

// look reads f back.
func look(f *Frame) looked {
	l := looked{Frame: f}
	fv := f.Views[0]
	l.Field, l.Levels, l.Refield, l.Problem = fv.Field.Geo, fv.Field.Levels, fv.Field.Stale, fv.Field.Problem
	i := 0
	for _, it := range fv.Items {
		switch {
		case it.Kind == Markers && it.Sprite == view.StartSprite:
			l.Start = [2]float32{it.Pts[0], it.Pts[1]}
		case it.Kind == Markers && (it.Sprite == view.BallSprite || it.Sprite == view.DivergedSprite):
			st := race.Running
			if it.Sprite == view.DivergedSprite {
				st = race.Diverged
			}
			l.Runners = append(l.Runners, lookedRunner{X: it.Pts[0], Y: it.Pts[1], Color: it.Color, Status: st, Trail: fv.Trails[i].Pts})
			i++
		case it.Kind == Polyline && it.Color == view.ReferenceColor:
			l.Reference = it.Pts
		}
	}
	cv := f.Views[1]
	ox, oy := float32(cv.Rect.Min.X), float32(cv.Rect.Min.Y)
	abs := func(pts []float32) []float32 {
		out := make([]float32, len(pts))
		for k := 0; k+1 < len(pts); k += 2 {
			out[k], out[k+1] = pts[k]+ox, pts[k+1]+oy
		}
		return out
	}
	for _, it := range cv.Items {
		switch {
		case it.Kind == Curve && it.Color == view.ReferenceColor:
			l.Chart.Reference = abs(it.Pts)
		case it.Kind == Curve:
			l.Chart.Curves = append(l.Chart.Curves, abs(it.Pts))
		case it.Kind == Rect && it.Color == chartGrid:
			l.Chart.Decades = append(l.Chart.Decades, oy+it.Pts[1]+it.Pts[3]/2)
		}
	}
	return l
}
