//go:build !(js && wasm)

package main

// The explaining overlays: arrows on the plot, the explain panel of a
// followed runner, the α slider's stability mark.

import (
	"fmt"
	"image"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stepJS is a runner's last step as state() reports it.
type stepJS struct {
	Optimizer string                `json:"optimizer"`
	Color     string                `json:"color"`
	X         [2]float64            `json:"x"`
	Grad      *[2]float64           `json:"grad"`
	FullGrad  *[2]float64           `json:"fullGrad"`
	Update    *[2]float64           `json:"update"`
	Internals map[string][2]float64 `json:"internals"`
	StepSize  *[2]float64           `json:"stepSize"`
	Params    map[string]float64    `json:"params"`
}

type explainStateJS struct {
	Step    int      `json:"step"`
	Follow  *int     `json:"follow"`
	Arrows  bool     `json:"arrows"`
	Runners []stepJS `json:"runners"`
}

func explainState(tb *tab) explainStateJS { return eval[explainStateJS](tb, "descent.state()") }

// toScreen maps a world point to CSS pixels of the default view of
// [-5,5]×[-3,3] (the ill-conditioned quadratic's domain, 4% margin).
func toScreen(p [2]float64) (float64, float64) {
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92))
	return cw/2 + p[0]/scale, ch/2 - p[1]/scale
}

// TestArrowsArePaintedWhereStateSays: Adam's first step from the notes'
// ill-conditioned start (−4.5, 2): its gradient arrow, −α·∇L from where the
// step began (x − update), runs 4 world units down, off its trail; halfway
// along it the canvas shows the runner's colour at the arrow's opacity over
// what is there without arrows.
func TestArrowsArePaintedWhereStateSays(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=adam:lr=0.1&arrows=1&paused=1")
	eval[stateJS](tb, "descent.step(1)")
	st := explainState(tb)
	r := st.Runners[0]
	if !st.Arrows || r.Update == nil || r.Grad == nil {
		t.Fatalf("arrows %v, update %v, grad %v after a step; want arrows and both", st.Arrows, r.Update, r.Grad)
	}
	from := [2]float64{r.X[0] - r.Update[0], r.X[1] - r.Update[1]}
	lr := r.Params["lr"]
	mid := [2]float64{from[0] - lr*r.Grad[0]/2, from[1] - lr*r.Grad[1]/2}
	mx, my := toScreen(mid)
	nextFrame(tb)
	with := screenshot(tb, "")
	eval[any](tb, `descent.configure("arrows=0")`)
	nextFrame(tb)
	without := screenshot(tb, "")
	var c [3]float64
	var ci [3]int
	fmt.Sscanf(r.Color, "#%02x%02x%02x", &ci[0], &ci[1], &ci[2])
	for k := range c {
		c[k] = float64(ci[k])
	}
	// control's gradientAlpha: the gradient arrow is drawn at 75%.
	const alpha = 0.75
	found := false
	for dy := -2; dy <= 2 && !found; dy++ {
		for dx := -2; dx <= 2 && !found; dx++ {
			x, y := int(mx)+dx, int(my)+dy
			got, under := rgb(with, x, y), rgb(without, x, y)
			ok := true
			for k := range got {
				ok = ok && math.Abs(got[k]-(alpha*c[k]+(1-alpha)*under[k])) <= 16
			}
			found = ok
		}
	}
	if !found {
		t.Errorf("no pixel near (%.0f, %.0f), halfway along the gradient arrow, shows %s at %.0f%% over the field: got %v, without arrows %v",
			mx, my, r.Color, alpha*100, rgb(with, int(mx), int(my)), rgb(without, int(mx), int(my)))
	}
}

func rgb(img image.Image, x, y int) [3]float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
}

// num is how the explain panel writes a number (game/explain's format):
// four significant digits, a true minus sign.
func num(x float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(x, 'g', 4, 64), "-", "−")
}

func pairText(p [2]float64) string { return "(" + num(p[0]) + ", " + num(p[1]) + ")" }

// TestFollowingARunnerShowsItsStep: a click on momentum's ball follows it;
// the explain panel shows the gradient and velocity state() reports, and →
// shows the next step's; the “explain” button of gradient descent's card follows it.
func TestFollowingARunnerShowsItsStep(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=gd:lr=0.09;momentum:lr=0.02,m=0.9&paused=1")
	eval[stateJS](tb, "descent.step(3)")
	st := explainState(tb)
	bx, by := toScreen(st.Runners[1].X)
	if err := chromedp.Do(tb.ctx, chromedp.MouseClickXY(bx+3, by)); err != nil {
		t.Fatal(err)
	}
	text := `(descent.state(), document.getElementById("explain").textContent)`
	for step := 3; step <= 4; step++ {
		st = explainState(tb)
		if st.Follow == nil || *st.Follow != 1 || st.Step != step {
			t.Fatalf("follow %v at step %d, want momentum (1) at %d", st.Follow, st.Step, step)
		}
		m := st.Runners[1]
		for _, want := range []string{"Momentum — step " + strconv.Itoa(step), "∇L", pairText(*m.Grad), "v = m·v + ∇L", pairText(m.Internals["v"]), pairText(*m.Update), pairText(m.X)} {
			if !poll(tb, text+`.includes(`+strconv.Quote(want)+`)`) {
				t.Errorf("step %d: the explain panel lacks %q: %q", step, want, eval[string](tb, text))
			}
		}
		if step == 3 {
			if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := clickStill(tb, ".card .explain-btn"); err != nil {
		t.Fatal(err)
	}
	if !poll(tb, `descent.state().follow === 0 && document.getElementById("explain").textContent.includes("Gradient descent — step 4")`) {
		t.Errorf("after clicking gd's “explain”: follow %v, panel %q", explainState(tb).Follow, eval[string](tb, text))
	}
	// Running, the panel keeps up (a few times a second).
	eval[any](tb, "descent.play()")
	if !poll(tb, `Number(document.getElementById("explain").textContent.match(/step (\d+)/)[1]) > 10`) {
		t.Errorf("running, the panel stays at %q", eval[string](tb, text))
	}
}

// TestAlphaMarkMovesWithA2: gradient descent's α slider marks 2/λmax = 1/a₂
// on a₁x² + a₂y² (λmax = 2a₂), and the mark moves when a₂ does.
func TestAlphaMarkMovesWithA2(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=gd;adam&paused=1")
	limit := `(descent.state(), document.querySelector('input[type=range][data-param="0.lr"]')?.dataset.limit)`
	for _, a2 := range []float64{10, 5, 40} {
		eval[any](tb, fmt.Sprintf(`descent.configure("problem=ill-conditioned:a2=%g")`, a2))
		if !poll(tb, limit+` !== undefined && Math.abs(Number(`+limit+`) - `+strconv.FormatFloat(1/a2, 'g', -1, 64)+`) < 1e-6`) {
			t.Errorf("a₂ = %g: α's mark at %v, want 1/a₂ = %g", a2, eval[any](tb, limit), 1/a2)
		}
		bg := eval[string](tb, `getComputedStyle(document.querySelector('input[type=range][data-param="0.lr"]').parentElement).backgroundImage`)
		if !strings.Contains(bg, "linear-gradient") {
			t.Errorf("a₂ = %g: the α slider's background %q, want the mark's gradient", a2, bg)
		}
		if none := eval[any](tb, `document.querySelector('input[type=range][data-param="1.lr"]').dataset.limit`); none != nil {
			t.Errorf("Adam's α slider has a mark at %v; want none", none)
		}
	}
}
