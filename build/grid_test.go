//go:build !(js && wasm)

package main

// Side by side (layout=grid), read from the page's labels and the pixels.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// gridPanel is one panel as its labels tell it: its axes' numbers with their
// CSS positions, and its title.
type gridPanel struct {
	X     [][2]float64 `json:"x"` // value, x of the tick
	Y     [][2]float64 `json:"y"` // value, y of the tick
	Title string       `json:"title"`
}

// gridPanels reads the panels from #plot-labels: each panel's ticks, then its title.
func gridPanels(tb *tab) []gridPanel {
	tb.state() // applies the queued pointer events and syncs the page
	nextFrame(tb)
	return eval[[]gridPanel](tb, `(() => {
		const out = []; let cur = {x: [], y: []};
		for (const s of document.querySelectorAll("#plot-labels span")) {
			const x = parseFloat(s.style.left), y = parseFloat(s.style.top);
			if (s.className === "pl-x") cur.x.push([+s.textContent, x]);
			if (s.className === "pl-y") cur.y.push([+s.textContent, y]);
			if (s.className === "pl-title") { cur.title = s.textContent; out.push(cur); cur = {x: [], y: []}; }
		}
		return out;
	})()`)
}

// toScreen maps a world point to CSS pixels through the panel's first and last ticks.
func (p gridPanel) toScreen(t *testing.T, x, y float64) (float64, float64) {
	t.Helper()
	if len(p.X) < 2 || len(p.Y) < 2 {
		t.Fatalf("panel %q has %d x and %d y numbers, want at least 2 of each", p.Title, len(p.X), len(p.Y))
	}
	lerp := func(ticks [][2]float64, v float64) float64 {
		a, b := ticks[0], ticks[len(ticks)-1]
		return a[1] + (v-a[0])*(b[1]-a[1])/(b[0]-a[0])
	}
	return lerp(p.X, x), lerp(p.Y, y)
}

// TestGridShowsAPanelPerRunner: layout=grid shows one panel per runner, titled
// with its optimizer, with the runner's ball where state() says, read through
// the panel's own axis numbers; a drag moves every panel's numbers alike.
func TestGridShowsAPanelPerRunner(t *testing.T) {
	tb := open(t, "layout=grid&paused=1")
	eval[stateJS](tb, "descent.step(30)")
	panels := gridPanels(tb)
	img := screenshot(tb, *screenshotOut)
	st := tb.state()
	if len(panels) != len(st.Runners) {
		t.Fatalf("%d panel titles, want one per runner (%d)", len(panels), len(st.Runners))
	}
	colours := eval[[]string](tb, "descent.state().runners.map(r => r.color)")
	displays := eval[[]string](tb, "descent.state().runners.map(r => r.display)")
	for i, r := range st.Runners {
		p := panels[i]
		if !strings.HasPrefix(p.Title, displays[i]) {
			t.Errorf("panel %d titled %q, want it to start with %q", i, p.Title, displays[i])
		}
		sx, sy := p.toScreen(t, r.X[0], r.X[1])
		if !hasColourNear(img, int(sx), int(sy), colours[i], 3) {
			t.Errorf("panel %d: no %s pixel near %s's ball at (%.0f, %.0f)", i, colours[i], r.Optimizer, sx, sy)
		}
	}
	if n := eval[int](tb, `document.querySelectorAll("#legend .lg-rows").length && getComputedStyle(document.querySelector("#legend .lg-rows")).display === "none" ? 1 : 0`); n != 1 {
		t.Errorf("the legend's rows are shown beside the panels' titles, want them hidden")
	}

	// A 100 px drag in the first panel moves every panel's numbers 100 px.
	before := panels
	drag := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MousePressed, 150, 150, chromedp.ButtonLeft)}
	for x := 160.0; x <= 250; x += 10 {
		drag = append(drag, chromedp.MouseEvent(chromedp.MouseMoved, x, 150, chromedp.ButtonLeft))
	}
	drag = append(drag, chromedp.MouseEvent(chromedp.MouseReleased, 250, 150, chromedp.ButtonLeft))
	if err := chromedp.Do(tb.ctx, drag...); err != nil {
		t.Fatal(err)
	}
	after := gridPanels(tb)
	if len(after) != len(before) {
		t.Fatalf("%d panels after the drag, want %d", len(after), len(before))
	}
	for i := range after {
		x0, _ := before[i].toScreen(t, 0, 0)
		x1, _ := after[i].toScreen(t, 0, 0)
		if abs(x1-x0-100) > 2 {
			t.Errorf("panel %d: x = 0 moved %.1f px after a 100 px drag, want 100", i, x1-x0)
		}
	}
	if st2 := tb.state(); st2.Start != st.Start {
		t.Errorf("the drag moved the start from %v to %v", st.Start, st2.Start)
	}
}

// TestGridTitlesKeepToTheirPanels: a long title (Adam's parameters, a loss in
// e-notation) ends in an ellipsis inside its panel instead of running over
// the next panel's title.
func TestGridTitlesKeepToTheirPanels(t *testing.T) {
	tb := open(t, "layout=grid&paused=1")
	eval[stateJS](tb, "descent.step(120)")
	tb.state()
	nextFrame(tb)
	type box struct {
		Left  float64 `json:"left"`
		Right float64 `json:"right"`
		Top   float64 `json:"top"`
		Cut   float64 `json:"cut"`
	}
	boxes := eval[[]box](tb, `[...document.querySelectorAll("#plot-labels .pl-title")].map(s => {
		const r = s.getBoundingClientRect();
		return {left: r.left, right: r.right, top: r.top, cut: s.scrollWidth > s.clientWidth ? 1 : 0};
	})`)
	if len(boxes) < 2 {
		t.Fatalf("%d panel titles, want one per runner", len(boxes))
	}
	cut := 0
	for i, a := range boxes {
		cut += int(a.Cut)
		for j, b := range boxes {
			if i != j && abs(a.Top-b.Top) < 1 && a.Left < b.Left && a.Right > b.Left-2*6 {
				t.Errorf("title %d (%.0f–%.0f px) runs up to title %d at %.0f px", i, a.Left, a.Right, j, b.Left)
			}
		}
	}
	if cut == 0 {
		t.Errorf("no title was cut short: the test no longer has a title too long for its panel")
	}
}
