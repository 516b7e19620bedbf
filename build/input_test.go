//go:build !(js && wasm)

package main

// Mouse, keyboard and panel input, on desktop and phone layouts.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestFastClickMovesTheStart(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	eval[stateJS](tb, "descent.step(5)")
	// The canvas is pageW−panelW by pageH CSS pixels. The view fits the domain
	// [-5,5]×[-3,3] with a 4% margin: the scale is the larger of the two ratios.
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92))
	cx, cy := cw*0.75, ch*0.25
	wantX, wantY := (cx-cw/2)*scale, -(cy-ch/2)*scale
	// Press and release with no delay between them: ebiten's own polling would
	// often lose this click.
	if err := chromedp.Do(tb.ctx, chromedp.MouseClickXY(cx, cy)); err != nil {
		t.Fatal(err)
	}
	st := tb.state()
	tol := 2 * scale // a pixel either way, and the rounding of the start
	if abs(st.Start[0]-wantX) > tol || abs(st.Start[1]-wantY) > tol {
		t.Errorf("start %v after clicking (%g,%g), want (%.4f,%.4f) ± %.4f", st.Start, cx, cy, wantX, wantY, tol)
	}
	if st.Step != 0 {
		t.Errorf("step %d after the click, want 0", st.Step)
	}
	for _, r := range st.Runners {
		if r.X != st.Start {
			t.Errorf("%s at %v, want at the new start %v", r.Optimizer, r.X, st.Start)
		}
	}
	if !poll(tb, `location.hash.includes("start=")`) {
		t.Errorf("hash %q does not record the new start", eval[string](tb, "location.hash"))
	}
}

func TestKeysPauseStepAndReset(t *testing.T) {
	tb := open(t, "problem=ill-conditioned")
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	key(" ")
	st := tb.state()
	if !st.Paused {
		t.Fatalf("space did not pause")
	}
	before := st.Step
	key(kb.ArrowRight)
	if got := tb.state().Step; got != before+1 {
		t.Errorf("→ moved from step %d to %d, want %d", before, got, before+1)
	}
	key("r")
	st = tb.state()
	if st.Step != 0 {
		t.Errorf("r left step %d, want 0", st.Step)
	}
	for _, r := range st.Runners {
		if r.X != st.Start {
			t.Errorf("%s at %v after reset, want %v", r.Optimizer, r.X, st.Start)
		}
	}
	key(" ")
	if tb.state().Paused {
		t.Errorf("second space did not resume")
	}
}

func TestPanelEditsTheRace(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=gd;momentum&paused=1")
	eval[stateJS](tb, "descent.step(10)")
	// Typing a learning rate into gradient descent's box restarts the race with it.
	setInput := func(sel, value, event string) {
		t.Helper()
		ok := eval[bool](tb, fmt.Sprintf(`(() => {
			const el = document.querySelector(%q);
			if (!el) return false;
			el.value = %q;
			el.dispatchEvent(new Event(%q, {bubbles: true}));
			descent.state(); // applies the queued command and shows its page now
			return true;
		})()`, sel, value, event))
		if !ok {
			t.Fatalf("no element %s in the panel", sel)
		}
	}
	setInput(`.card:nth-of-type(1) .num`, "0.07", "change")
	st := tb.state()
	if gd := tb.runner(st, "gd"); gd.Params["lr"] != 0.07 || st.Step != 0 {
		t.Errorf("after typing 0.07: gd lr %g at step %d, want 0.07 at step 0", gd.Params["lr"], st.Step)
	}
	// An out-of-range value is refused with a message naming the parameter and its range.
	setInput(`.card:nth-of-type(1) .num`, "50", "change")
	if gd := tb.runner(tb.state(), "gd"); gd.Params["lr"] != 0.07 {
		t.Errorf("after typing 50: gd lr %g, want 0.07 kept", gd.Params["lr"])
	}
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	if !strings.Contains(msg, "lr") || !strings.Contains(msg, "1e-06 to 10") {
		t.Errorf("message %q, want it to name lr and its range", msg)
	}
	// The slider is log-scaled over lr's range [1e-6, 10]: its middle is √(1e-6·10) ≈ 0.00316.
	setInput(`input[data-param="1.lr"]`, "500", "input")
	if m := tb.runner(tb.state(), "momentum"); abs(m.Params["lr"]-0.00316) > 1e-9 {
		t.Errorf("momentum lr %g after the slider's middle, want 0.00316", m.Params["lr"])
	}
	// Adding and removing optimizers.
	setInput(`#add-optimizer`, "adam", "change")
	if n := len(tb.state().Runners); n != 3 {
		t.Fatalf("%d runners after adding adam, want 3", n)
	}
	eval[bool](tb, `(document.querySelector(".card:nth-of-type(1) .remove").click(), true)`)
	st = tb.state()
	if len(st.Runners) != 2 || st.Runners[0].Optimizer != "momentum" || st.Runners[1].Optimizer != "adam" {
		t.Errorf("runners after removing gd: %+v", st.Runners)
	}
	// Choosing a problem moves the start to that problem's own.
	setInput(`#problem`, "rosenbrock", "change")
	st = tb.state()
	if st.Problem != "rosenbrock" || st.Start != [2]float64{-1.2, 1} {
		t.Errorf("problem %q start %v, want rosenbrock from (-1.2, 1)", st.Problem, st.Start)
	}
	if !poll(tb, `location.hash.includes("problem=rosenbrock") && location.hash.includes("adam")`) {
		t.Errorf("hash %q does not follow the panel", eval[string](tb, "location.hash"))
	}
	// A problem's parameters have knobs too, and travel in the link.
	setInput(`#problem`, "rotated", "change")
	setInput(`input.num[data-param="problem.kappa"]`, "50", "change")
	if !poll(tb, `location.hash.includes("problem=rotated:kappa=50")`) {
		t.Errorf("hash %q does not hold kappa=50", eval[string](tb, "location.hash"))
	}
	nextFrame(tb)
	if f := eval[string](tb, `document.querySelector("#legend .lg-formula").textContent`); !strings.Contains(f, "κ = 50") {
		t.Errorf("legend formula %q does not show κ = 50", f)
	}
	// Play and pause.
	eval[bool](tb, `(document.getElementById("play").click(), true)`)
	if tb.state().Paused {
		t.Errorf("Play did not resume")
	}
}

func TestWheelZoomsDragPansAndFRestores(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	start := tb.state().Start
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92)) // world units per CSS pixel, as fitted
	// 300 px of wheel up over the canvas centre zooms in by e^(−0.45), about the centre.
	wheel := chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, cw/2, ch/2, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -300 }) // deltaX must be sent, and zero is omitted
	if err := chromedp.Do(tb.ctx, wheel); err != nil {
		t.Fatal(err)
	}
	if !poll(tb, `location.hash.includes("view=")`) {
		t.Fatalf("no view in the hash after zooming: %q", eval[string](tb, "location.hash"))
	}
	v := tb.state().View
	if hv, ok := viewOf(tb); !ok || abs(hv[0]-v[0]) > 0.01*(v[1]-v[0]) {
		t.Errorf("hash view %v, want about the view shown, %v", hv, v)
	}
	wantW := cw * scale * math.Exp(-0.45)
	if w := v[1] - v[0]; abs(w-wantW) > 0.01*wantW || abs(v[0]+v[1]) > 0.01*wantW {
		t.Errorf("view %v after zooming: width %g centred at %g, want width %g centred at 0", v, w, (v[0]+v[1])/2, wantW)
	}
	// Dragging 100 px to the right moves the picture, not the start.
	zoomedScale := (v[1] - v[0]) / cw
	drag := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MousePressed, 300, 300, chromedp.ButtonLeft)}
	for x := 310.0; x <= 400; x += 10 {
		drag = append(drag, chromedp.MouseEvent(chromedp.MouseMoved, x, 300, chromedp.ButtonLeft))
	}
	drag = append(drag, chromedp.MouseEvent(chromedp.MouseReleased, 400, 300, chromedp.ButtonLeft))
	if err := chromedp.Do(tb.ctx, drag...); err != nil {
		t.Fatal(err)
	}
	moved := tb.state().View
	if dx := moved[0] - v[0]; abs(dx+100*zoomedScale) > 2*zoomedScale {
		t.Errorf("view moved by %g in x after a 100 px drag, want %g", dx, -100*zoomedScale)
	}
	if st := tb.state(); st.Start != start {
		t.Errorf("the drag moved the start from %v to %v", start, st.Start)
	}
	// F fits the domain again.
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("f")); err != nil {
		t.Fatal(err)
	}
	if !poll(tb, `!location.hash.includes("view=")`) {
		t.Errorf("hash %q still has a view after f", eval[string](tb, "location.hash"))
	}
}

func TestTypedFormula(t *testing.T) {
	tb := open(t, "paused=1")
	typeFormula := func(src string) {
		t.Helper()
		eval[bool](tb, fmt.Sprintf(`(() => {
			const el = document.getElementById("formula");
			el.value = %q;
			el.dispatchEvent(new Event("change", {bubbles: true}));
			descent.state(); // applies the queued command and shows its page now
			return true;
		})()`, src))
	}
	// A typo is named with its place, and nothing else changes.
	typeFormula("x^2 + * y")
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	if !strings.Contains(msg, "character 7") || !strings.Contains(msg, "      ^") {
		t.Errorf("message %q, want it to point at character 7 with a caret", msg)
	}
	if st := tb.state(); st.Problem != "ill-conditioned" {
		t.Errorf("a bad formula changed the problem to %q", st.Problem)
	}
	// A good one becomes the surface, with the runners at its default start.
	typeFormula("x^2 + 3*y^2 - x*y")
	type st struct {
		Expr    string     `json:"expr"`
		Start   [2]float64 `json:"start"`
		Runners []runnerJS `json:"runners"`
	}
	got := eval[st](tb, "descent.state()")
	if got.Expr != "x^2 + 3*y^2 - x*y" {
		t.Fatalf("expr %q after typing a formula", got.Expr)
	}
	x, y := got.Start[0], got.Start[1]
	if want := x*x + 3*y*y - x*y; abs(got.Runners[0].Loss-want) > 1e-12 {
		t.Errorf("loss at the start %g, want f(%g, %g) = %g", got.Runners[0].Loss, x, y, want)
	}
	if !poll(tb, `location.hash.includes("expr=x^2%20%2B%203*y^2%20-%20x*y")`) {
		t.Errorf("hash %q does not hold the formula", eval[string](tb, "location.hash"))
	}
}

func TestPhoneLayoutPutsThePanelUnderThePlot(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	const w, h = 390, 844 // a common phone, in CSS pixels
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
	type rect struct{ W, H, PanelTop float64 }
	var r rect
	ok := poll(tb, fmt.Sprintf(`(() => {
		const c = document.querySelector("canvas").getBoundingClientRect();
		return c.width === %d && Math.abs(c.height - %d*0.58) < 2;
	})()`, w, h))
	r = eval[rect](tb, `(() => {
		const c = document.querySelector("canvas").getBoundingClientRect();
		return {W: c.width, H: c.height, PanelTop: document.getElementById("panel").getBoundingClientRect().top};
	})()`)
	if !ok || r.PanelTop < r.H-1 {
		t.Fatalf("canvas %gx%g, panel from y=%g: want the canvas full width above the panel", r.W, r.H, r.PanelTop)
	}
	// A tap still lands where it should: the centre of the canvas is the
	// centre of the domain [-5,5]x[-3,3].
	if err := chromedp.Do(tb.ctx, chromedp.MouseClickXY(r.W/2, r.H/2)); err != nil {
		t.Fatal(err)
	}
	scale := max(10/(r.W*0.92), 6/(r.H*0.92))
	if st := tb.state(); abs(st.Start[0]) > 2*scale || abs(st.Start[1]) > 2*scale {
		t.Errorf("start %v after clicking the canvas centre, want (0,0) within %g", st.Start, 2*scale)
	}
}

func TestPointerReadsTheSurface(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92))
	// 100 CSS px right of the centre is x = 100·scale, y = 0, where
	// f = 0.1x² and ∇f = (0.2x, 0); κ = 20/0.2, the Hessian being diag(0.2, 20).
	x := 100 * scale
	if err := chromedp.Do(tb.ctx, chromedp.MouseEvent(chromedp.MouseMoved, cw/2+100, ch/2)); err != nil {
		t.Fatal(err)
	}
	n := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	want := "(" + n(x) + ", 0)   f = " + n(0.1*x*x) + "   ∇f = (" + n(0.2*x) + ", 0)   λ = 20, 0.2   κ = " + n(20/0.2)
	if !poll(tb, fmt.Sprintf(`document.getElementById("probe").textContent === %q`, want)) {
		t.Errorf("readout %q, want %q", eval[string](tb, `document.getElementById("probe").textContent`), want)
	}
}

// TestEmbedIsDecidedOnceInGo: embed=true (any spelling the hash accepts)
// hides the panel and gives the canvas the whole frame, the link says embed=1,
// and configure can turn it off again: the page reads the layout Go publishes.
func TestEmbedIsDecidedOnceInGo(t *testing.T) {
	tb := open(t, "embed=true&paused=1")
	canvasW := `document.querySelector("canvas").getBoundingClientRect().width`
	if !poll(tb, fmt.Sprintf(`%s === %d && document.body.dataset.layout === "embed"`, canvasW, pageW)) {
		t.Fatalf("embedded: canvas %g px wide, layout %q; want %d and embed", eval[float64](tb, canvasW), eval[string](tb, "document.body.dataset.layout"), pageW)
	}
	if eval[bool](tb, `getComputedStyle(document.getElementById("panel")).display !== "none"`) {
		t.Error("the panel shows in an embedded page")
	}
	if h := tb.state().Hash; !strings.Contains(h, "embed=1") {
		t.Errorf("hash %q, want embed=1", h)
	}
	eval[[]string](tb, `descent.configure("embed=0")`)
	if !poll(tb, fmt.Sprintf(`%s === %d && document.body.dataset.layout === "side"`, canvasW, pageW-panelW)) {
		t.Errorf("after embed=0: canvas %g px wide, want %d beside the panel", eval[float64](tb, canvasW), pageW-panelW)
	}
}
