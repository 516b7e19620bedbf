//go:build !(js && wasm)

package main

// Browser end-to-end tests: build dist/ once, serve it from httptest, and drive the
// system Chromium (software WebGL2 through SwiftShader) with chromedp. They assert
// through window.descent and on screenshots' pixels, never on frame rate.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var screenshotOut = flag.String("screenshot", "", "write the screenshot of TestScreenshotShowsFieldAndBalls to this PNG file")

// The page size every test uses: the canvas gets the width less the 300 px panel.
const (
	pageW, pageH = 1280, 720
	panelW       = 300
)

type browserEnv struct {
	url     string
	browser context.Context
	err     error
	skip    string
}

var (
	envOnce sync.Once
	env     browserEnv
	cleanup []func()
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	for i := len(cleanup) - 1; i >= 0; i-- {
		cleanup[i]()
	}
	os.Exit(code)
}

// browser returns the shared browser and the served page's URL, building dist/ on
// first use. Without Chromium the test is skipped, or fails under CI.
func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests do not run with -short")
	}
	envOnce.Do(func() {
		path := chromiumPath()
		if path == "" {
			env.skip = "no Chromium found: apt-get install chromium"
			return
		}
		dist, err := os.MkdirTemp("", "descent-dist-")
		if err != nil {
			env.err = err
			return
		}
		cleanup = append(cleanup, func() { os.RemoveAll(dist) })
		if _, err := buildDist(buildOptions{Dist: dist}); err != nil {
			env.err = fmt.Errorf("building dist: %w", err)
			return
		}
		srv := httptest.NewServer(newHandler(dist))
		cleanup = append(cleanup, srv.Close)
		env.url = srv.URL + "/"

		ctx, cancel, err := startChromium(path)
		if err != nil {
			env.err = err
			return
		}
		cleanup = append(cleanup, cancel)
		env.browser = ctx
	})
	if env.skip != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI is set, so this is a failure)", env.skip)
		}
		t.Skip(env.skip)
	}
	if env.err != nil {
		t.Fatal(env.err)
	}
	return env.browser, env.url
}

// tab is one page under test, with the console messages it has written.
type tab struct {
	t   *testing.T
	ctx context.Context
	mu  sync.Mutex
	bad []string // console errors and uncaught exceptions
}

// open loads the page with the given hash in a new tab and waits for
// window.descent.ready. The tab closes when the test ends, and the test fails if
// the page wrote any error to the console.
func open(t *testing.T, hash string) *tab {
	t.Helper()
	bctx, url := browser(t)
	ctx, cancel := chromedp.NewContext(bctx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	tb := &tab{t: t, ctx: ctx}
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(pageW, pageH)); err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				tb.mu.Lock()
				tb.bad = append(tb.bad, fmt.Sprintf("%s: %s", m.Type, m.Text))
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		tb.mu.Lock()
		for _, b := range tb.bad {
			t.Errorf("browser console: %s", b)
		}
		tb.mu.Unlock()
		cancelTimeout()
		cancel()
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"#"+hash)); err != nil {
		t.Fatal(err)
	}
	// waitReadyJS also waits for the loader to hide, or a click lands on it.
	if eval[float64](tb, waitReadyJS) < 0 {
		t.Fatalf("page never became ready; message: %q", eval[string](tb, `document.getElementById("messages") ? document.getElementById("messages").textContent : ""`))
	}
	// The panel is built just after the first frame.
	if !poll(tb, `document.getElementById("controls").childElementCount > 0`) {
		t.Fatalf("the panel was never built")
	}
	return tb
}

// eval evaluates a JS expression in the tab (awaiting a promise) and decodes it.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

type runnerJS struct {
	ID         int                `json:"id"`
	Optimizer  string             `json:"optimizer"`
	Params     map[string]float64 `json:"params"`
	X          [2]float64         `json:"x"`
	Loss       float64            `json:"loss"`
	Status     string             `json:"status"`
	DivergedAt *int               `json:"divergedAt"`
}

type stateJS struct {
	Problem string     `json:"problem"`
	Step    int        `json:"step"`
	Paused  bool       `json:"paused"`
	Start   [2]float64 `json:"start"`
	View    [4]float64 `json:"view"`
	Hash    string     `json:"hash"`
	Notes   []string   `json:"notes"`
	Runners []runnerJS `json:"runners"`
}

// poll evaluates the JS condition every 50 ms until it holds (true) or 10 s pass.
func poll(tb *tab, cond string) bool {
	return eval[bool](tb, `(async () => {
		for (let i = 0; i < 200; i++) {
			if (`+cond+`) return true;
			await new Promise(r => setTimeout(r, 50));
		}
		return false;
	})()`)
}

// screenshot captures the page, writing the PNG to save when it is not "".
func screenshot(tb *tab, save string) image.Image {
	tb.t.Helper()
	shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	if save != "" {
		if err := os.WriteFile(save, shot, 0o644); err != nil {
			tb.t.Fatal(err)
		}
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		tb.t.Fatal(err)
	}
	return img
}

// nextFrame waits until a frame after the last change has been drawn: two
// animation frames.
func nextFrame(tb *tab) {
	eval[bool](tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

func (tb *tab) state() stateJS { return eval[stateJS](tb, "descent.state()") }

func (tb *tab) runner(st stateJS, optimizer string) runnerJS {
	for _, r := range st.Runners {
		if r.Optimizer == optimizer {
			return r
		}
	}
	tb.t.Fatalf("no %s runner in %+v", optimizer, st.Runners)
	return runnerJS{}
}

func TestPageBecomesReadyWithTheNotesOptimizers(t *testing.T) {
	tb := open(t, "")
	st := tb.state()
	if st.Problem != "ill-conditioned" {
		t.Errorf("problem %q, want the notes' ill-conditioned quadratic", st.Problem)
	}
	var names []string
	for _, r := range st.Runners {
		names = append(names, r.Optimizer)
	}
	if got := strings.Join(names, ","); got != "gd,momentum,adagrad,rmsprop,adam" {
		t.Errorf("runners %s, want gd,momentum,adagrad,rmsprop,adam", got)
	}
	if got := eval[string](tb, "document.body.dataset.state"); got != "ready" {
		t.Errorf("body state %q, want ready", got)
	}
	if got := eval[string](tb, "getComputedStyle(document.getElementById('loader')).display"); got != "none" {
		t.Errorf("loader display %q, want none once ready", got)
	}
	if !poll(tb, `location.hash.includes("problem=ill-conditioned")`) {
		t.Errorf("URL hash %q does not hold the config", eval[string](tb, "location.hash"))
	}
}

func TestRunnersAdvance(t *testing.T) {
	tb := open(t, "")
	first := tb.state()
	moved := eval[bool](tb, `(async () => {
		for (let i = 0; i < 400; i++) {
			if (descent.state().step >= 30) return true;
			await new Promise(r => setTimeout(r, 50));
		}
		return false;
	})()`)
	if !moved {
		t.Fatalf("step still %d after 20 s", tb.state().Step)
	}
	st := tb.state()
	for _, r := range st.Runners {
		if r.X == first.Start {
			t.Errorf("%s still at the start %v after %d steps", r.Optimizer, r.X, st.Step)
		}
		if !(r.Loss < tb.runner(first, r.Optimizer).Loss) {
			t.Errorf("%s loss %g, not below its start %g", r.Optimizer, r.Loss, tb.runner(first, r.Optimizer).Loss)
		}
	}
}

func TestAdamReachesTheIllConditionedMinimum(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=adam&paused=1")
	tb.state()
	st := eval[stateJS](tb, "descent.step(3000)")
	adam := tb.runner(st, "adam")
	// The minimum is (0, 0) with value 0. Adam's step stays near α = 0.1 in size
	// until its moment estimates settle, so the tolerance is a hundredth of α.
	const tol = 1e-3
	if d := adam.X[0]*adam.X[0] + adam.X[1]*adam.X[1]; d > tol*tol || adam.Loss > 1e-5 {
		t.Errorf("adam at %v with loss %g after %d steps, want within %g of (0,0)", adam.X, adam.Loss, st.Step, tol)
	}
	if adam.Status == "diverged" {
		t.Errorf("adam diverged")
	}
}

func TestGDAboveTwoOverLambdaMaxDivergesAlone(t *testing.T) {
	// f = 0.1x² + 10y²: the Hessian is diag(0.2, 20), λmax = 20, so GD is stable only
	// for α < 2/λmax = 0.1. At α = 0.11 the y error grows by |1 − 20α| = 1.2 a step.
	tb := open(t, "problem=ill-conditioned&o=gd:lr=0.11;momentum;rmsprop;adam&paused=1")
	st := eval[stateJS](tb, "descent.step(5000)")
	gd := tb.runner(st, "gd")
	if gd.Status != "diverged" || gd.DivergedAt == nil || *gd.DivergedAt <= 0 {
		t.Fatalf("gd status %q divergedAt %v, want diverged at a step > 0", gd.Status, gd.DivergedAt)
	}
	for _, r := range st.Runners[1:] {
		if r.Status == "diverged" {
			t.Errorf("%s diverged too (at %v)", r.Optimizer, r.DivergedAt)
		}
	}
	// A note says why, and what to change.
	if msg := eval[string](tb, `document.getElementById("messages").textContent`); !strings.Contains(msg, fmt.Sprintf("Gradient descent diverged at step %d: with α = 0.11", *gd.DivergedAt)) || !strings.Contains(msg, "smaller α") {
		t.Errorf("messages %q, want a note explaining gradient descent's divergence", msg)
	}
	// The legend says so, in the row of gradient descent only.
	nextFrame(tb)
	rows := eval[[]string](tb, `[...document.querySelectorAll("#legend tr[data-status=diverged]")].map(tr => tr.textContent)`)
	want := fmt.Sprintf("diverged at step %d", *gd.DivergedAt)
	if len(rows) != 1 || !strings.Contains(rows[0], "Gradient descent") || !strings.Contains(rows[0], want) {
		t.Errorf("legend rows marked diverged: %q, want one for Gradient descent saying %q", rows, want)
	}
}

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

func TestBadHashIsReportedAndIgnored(t *testing.T) {
	tb := open(t, "problem=nope&speed=fast&o=gd;warp&start=1,2")
	st := tb.state()
	if st.Problem != "ill-conditioned" || st.Start != [2]float64{1, 2} || len(st.Runners) != 1 {
		t.Errorf("state %+v: want the default problem, the good start and the one known optimizer", st)
	}
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	for _, want := range []string{`"nope"`, `speed`, `"warp"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %s", msg, want)
		}
	}
	got := eval[[]string](tb, `descent.configure("problem=rosenbrock&bogus=1")`)
	if len(got) != 1 || !strings.Contains(got[0], "bogus") {
		t.Errorf("configure returned %q, want one problem naming bogus", got)
	}
	if st := tb.state(); st.Problem != "rosenbrock" {
		t.Errorf("configure did not apply the good key: problem %q", st.Problem)
	}
}

func TestTrajectoryMatchesHandComputedSteps(t *testing.T) {
	tb := open(t, "paused=1")
	type traj struct {
		Points [][2]float64 `json:"points"`
		Losses []float64    `json:"losses"`
		Status string       `json:"status"`
		Error  string       `json:"error"`
	}
	got := eval[traj](tb, `descent.trajectory({problem: "ill-conditioned", optimizer: "gd", params: {lr: 0.05}, start: [1, 1], steps: 2})`)
	if got.Error != "" {
		t.Fatal(got.Error)
	}
	// f = 0.1x² + 10y², ∇f = (0.2x, 20y); GD: θ ← θ − 0.05·∇f, so x ← 0.99x, y ← 0·y.
	want := [][2]float64{{1, 1}, {0.99, 0}, {0.9801, 0}}
	if len(got.Points) != 3 || len(got.Losses) != 3 {
		t.Fatalf("got %d points, %d losses, want 3 each", len(got.Points), len(got.Losses))
	}
	for i, p := range want {
		if abs(got.Points[i][0]-p[0]) > 1e-12 || abs(got.Points[i][1]-p[1]) > 1e-12 {
			t.Errorf("points[%d] = %v, want %v", i, got.Points[i], p)
		}
		if l := 0.1*p[0]*p[0] + 10*p[1]*p[1]; abs(got.Losses[i]-l) > 1e-12 {
			t.Errorf("losses[%d] = %g, want %g", i, got.Losses[i], l)
		}
	}
	bad := eval[traj](tb, `descent.trajectory({expr: "x^^2", optimizer: "gd"})`)
	if !strings.Contains(bad.Error, "byte") {
		t.Errorf("a bad formula gave %q, want an error naming the byte offset", bad.Error)
	}
}

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

// hasColourNear reports whether a pixel within d of (x, y) has the CSS hex colour
// (within a small tolerance for anti-aliasing and colour management).
func hasColourNear(img image.Image, x, y int, css string, d int) bool {
	var want [3]int
	fmt.Sscanf(css, "#%02x%02x%02x", &want[0], &want[1], &want[2])
	for dy := -d; dy <= d; dy++ {
		for dx := -d; dx <= d; dx++ {
			r, g, b, _ := img.At(x+dx, y+dy).RGBA()
			got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
			if absInt(got[0]-want[0]) <= 12 && absInt(got[1]-want[1]) <= 12 && absInt(got[2]-want[2]) <= 12 {
				return true
			}
		}
	}
	return false
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
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
	setInput(`input[data-param="momentum.lr"]`, "500", "input")
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

// viewOf reads the view the URL holds, or reports false.
func viewOf(tb *tab) ([4]float64, bool) {
	var v [4]float64
	h := eval[string](tb, "location.hash")
	i := strings.Index(h, "view=")
	if i < 0 {
		return v, false
	}
	s := h[i+len("view="):]
	if j := strings.IndexByte(s, '&'); j >= 0 {
		s = s[:j]
	}
	_, err := fmt.Sscanf(s, "%g,%g,%g,%g", &v[0], &v[1], &v[2], &v[3])
	return v, err == nil
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

func TestLBFGSReferencePathIsShownAsALineSearch(t *testing.T) {
	tb := open(t, "problem=rosenbrock&o=adam&lbfgs=1&paused=1")
	type ref struct {
		X           [2]float64 `json:"x"`
		Loss        float64    `json:"loss"`
		Iteration   int        `json:"iteration"`
		Iterations  int        `json:"iterations"`
		Evaluations int        `json:"evaluations"`
	}
	r := eval[ref](tb, "(descent.step(3), descent.state().reference)")
	if r.Iteration != 3 || r.Evaluations < 3 {
		t.Errorf("reference after 3 steps: %+v, want iteration 3 with at least 3 evaluations", r)
	}
	r = eval[ref](tb, "(descent.step(1000), descent.state().reference)")
	// Rosenbrock's minimum is (1, 1); L-BFGS stops when every gradient
	// component is below 1e-6, well within 1e-4 of it.
	if r.Iteration != r.Iterations || abs(r.X[0]-1) > 1e-4 || abs(r.X[1]-1) > 1e-4 {
		t.Errorf("reference at the end: %+v, want the whole path ending at (1, 1)", r)
	}
	nextFrame(tb)
	rows := eval[[]string](tb, `[...document.querySelectorAll("#legend tr.ghost")].map(tr => tr.textContent)`)
	if len(rows) != 1 || !strings.Contains(rows[0], "L-BFGS (line search)") || strings.Contains(rows[0], "Gradient descent") {
		t.Errorf("ghost legend rows %q, want one labelled L-BFGS (line search)", rows)
	}
	if !eval[bool](tb, `document.getElementById("lbfgs").checked`) {
		t.Errorf("the panel's L-BFGS box is not checked")
	}
	eval[bool](tb, `(document.getElementById("lbfgs").click(), true)`)
	if eval[bool](tb, "descent.state().reference !== null") {
		t.Errorf("unchecking the box left the reference path on")
	}
}

func TestSeededSGDTrajectoriesAreReproducible(t *testing.T) {
	tb := open(t, "paused=1")
	get := func(seed int) [][2]float64 {
		return eval[[][2]float64](tb, fmt.Sprintf(`descent.trajectory({problem: "regression", optimizer: "sgd", params: {lr: 0.1, batch: 4}, steps: 50, seed: %d}).points`, seed))
	}
	a, b, c := get(7), get(7), get(8)
	if len(a) != 51 {
		t.Fatalf("%d points, want 51", len(a))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed, different points at step %d: %v vs %v", i, a[i], b[i])
		}
	}
	same := true
	for i := range a {
		same = same && a[i] == c[i]
	}
	if same {
		t.Errorf("seeds 7 and 8 gave the same minibatch path")
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

func TestNoWebGL2GivesAPlainMessage(t *testing.T) {
	bctx, url := browser(t)
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	// Make this page's browser look like one without WebGL2.
	noGL := page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
		const get = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
			return kind === "webgl2" ? null : get.call(this, kind, ...rest);
		};
	})()`}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, noGL)
		return err
	}), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	tb := &tab{t: t, ctx: ctx}
	if !poll(tb, `document.body.dataset.state === "error"`) {
		t.Fatalf("page state %q, want error", eval[string](tb, "document.body.dataset.state"))
	}
	msg := eval[string](tb, `document.getElementById("fail").innerText`)
	if !strings.Contains(msg, "WebGL2") || eval[bool](tb, `document.getElementById("fail").hidden`) {
		t.Errorf("failure notice %q, want a visible message naming WebGL2", msg)
	}
}

func TestLoaderEndsAtExactly100Percent(t *testing.T) {
	tb := open(t, "paused=1")
	if got := eval[string](tb, `document.getElementById("bar").getAttribute("aria-valuenow") + " " + document.getElementById("percent").textContent`); got != "100 100%" {
		t.Errorf("progress bar at the end: %q, want 100 100%%", got)
	}
	// The bar counted the decompressed bytes the manifest promised.
	type m struct {
		WasmBytes int `json:"wasmBytes"`
	}
	man := eval[m](tb, `fetch("manifest.json").then(r => r.json())`)
	status := eval[string](tb, `document.getElementById("load-status").textContent`)
	if man.WasmBytes < 1e6 || !strings.Contains(status, "Starting") {
		t.Errorf("manifest says %d bytes; status %q", man.WasmBytes, status)
	}
}

// checkField asserts that the canvas shows a field: many distinct colours, and
// almost no bare background, over the part of the canvas no text box covers.
func checkField(t *testing.T, img image.Image, what string) {
	t.Helper()
	colours := map[[3]uint8]bool{}
	bare, n := 0, 0
	for y := 200; y < pageH-60; y += 4 { // below the legend, above the hints
		for x := 0; x < pageW-panelW; x += 4 {
			r, g, b, _ := img.At(x, y).RGBA()
			c := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
			colours[c] = true
			n++
			if c == [3]uint8{0x18, 0x18, 0x1c} { // the background behind the field
				bare++
			}
		}
	}
	if len(colours) < 100 || bare > n/20 {
		t.Errorf("%s: %d distinct colours and %d of %d samples bare background: want a painted field", what, len(colours), bare, n)
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

func TestAHostileLinkRunsNoScript(t *testing.T) {
	hash := `expr=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E=1&o=gd:lr=%3Cb%3E`
	tb := open(t, hash)
	nextFrame(tb)
	if eval[bool](tb, "window.pwned !== undefined") {
		t.Fatalf("a link ran script")
	}
	if n := eval[int](tb, `document.querySelectorAll("#messages *, #legend img, #legend script").length`); n != 0 {
		t.Errorf("%d elements were made from the link's text", n)
	}
	msg := eval[string](tb, `document.getElementById("messages").textContent`)
	if !strings.Contains(msg, "<script>") || !strings.Contains(msg, "expr") {
		t.Errorf("messages %q, want the bad parts named as plain text", msg)
	}
	if st := tb.state(); st.Problem != "ill-conditioned" || len(st.Runners) != 1 {
		t.Errorf("state after a hostile link: %+v", st)
	}
}

func TestPresetFigure2bDivergesAsInTheNotes(t *testing.T) {
	tb := open(t, "paused=1")
	eval[bool](tb, `(() => {
		const el = document.getElementById("preset");
		el.value = "fig2b";
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	st := eval[stateJS](tb, "descent.step(50)")
	if st.Problem != "ill-conditioned" || len(st.Runners) != 1 || st.Runners[0].Status != "diverged" {
		t.Errorf("after choosing Figure 2b and 50 steps: %+v, want one diverged gradient descent", st)
	}
	about := eval[string](tb, `document.getElementById("preset").value + ": " + document.querySelector("#preset + .about").textContent`)
	if !strings.HasPrefix(about, "fig2b: ") || !strings.Contains(about, "diverge") {
		t.Errorf("preset shown as %q, want fig2b with its explanation", about)
	}
	// Changing the setup leaves the figure.
	eval[[]string](tb, `descent.configure("o=gd:lr=0.05")`)
	if got := eval[string](tb, `document.getElementById("preset").value`); got != "" {
		t.Errorf("preset select %q after changing the setup, want it cleared", got)
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

func TestLossChartShowsEveryRunner(t *testing.T) {
	tb := open(t, "preset=fig3&paused=1")
	eval[stateJS](tb, "descent.step(60)")
	nextFrame(tb)
	type labels struct {
		Steps, Top, Bottom string
		Box                [4]float64
	}
	l := eval[labels](tb, `(() => {
		const c = document.getElementById("chart-labels"), r = c.getBoundingClientRect();
		return {Steps: c.querySelector(".cl-steps").textContent, Top: c.querySelector(".cl-top").textContent,
			Bottom: c.querySelector(".cl-bottom").textContent, Box: [r.left, r.top, r.width, r.height]};
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

func TestTuneMakesRosenbrockRaceable(t *testing.T) {
	// The notes' defaults make gradient descent and momentum fly off Rosenbrock.
	tb := open(t, "problem=rosenbrock&o=gd;momentum;adam&paused=1")
	st := eval[stateJS](tb, "descent.step(300)")
	if tb.runner(st, "gd").Status != "diverged" {
		t.Fatalf("gd did not diverge at its default α on Rosenbrock: the test lost its point")
	}
	eval[bool](tb, `(document.getElementById("tune").click(), true)`)
	st = eval[stateJS](tb, "descent.step(300)")
	for _, r := range st.Runners {
		if r.Status == "diverged" || r.Loss >= 24.2 { // f(-1.2, 1) = 24.2
			t.Errorf("after tuning, %s (α = %g) is %s with loss %g", r.Optimizer, r.Params["lr"], r.Status, r.Loss)
		}
	}
	if msg := eval[string](tb, `document.getElementById("messages").textContent`); !strings.Contains(msg, "Tuned α") {
		t.Errorf("message %q, want it to say what tuning did", msg)
	}
}

func TestPointerReadsTheSurface(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	cw, ch := float64(pageW-panelW), float64(pageH)
	scale := max(10/(cw*0.92), 6/(ch*0.92))
	// 100 CSS px right of the centre is x = 100·scale, y = 0, where
	// f = 0.1x² and ∇f = (0.2x, 0).
	x := 100 * scale
	if err := chromedp.Do(tb.ctx, chromedp.MouseEvent(chromedp.MouseMoved, cw/2+100, ch/2)); err != nil {
		t.Fatal(err)
	}
	n := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	want := "(" + n(x) + ", 0)   f = " + n(0.1*x*x) + "   ∇f = (" + n(0.2*x) + ", 0)"
	if !poll(tb, fmt.Sprintf(`document.getElementById("probe").textContent === %q`, want)) {
		t.Errorf("readout %q, want %q", eval[string](tb, `document.getElementById("probe").textContent`), want)
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

// TestREADMEExampleRuns runs the README's JS example and compares what it
// prints with the output the README shows.
func TestREADMEExampleRuns(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := string(b)
	i := strings.Index(block, "```js\n")
	if i < 0 {
		t.Fatal("README has no js example")
	}
	block = block[i+len("```js\n"):]
	block = block[:strings.Index(block, "```")]
	var code []string
	want := ""
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if out, ok := strings.CutPrefix(line, "// "); ok {
			want = out
		} else if !strings.HasPrefix(line, "await ") {
			code = append(code, line)
		}
	}
	tb := open(t, "")
	last := code[len(code)-1]
	got := eval[string](tb, strings.Join(code[:len(code)-1], "\n")+"\nJSON.stringify("+strings.TrimSuffix(last, ";")+")")
	if got != want {
		t.Errorf("the README's example prints %s, the README says %s", got, want)
	}
}

func TestAPIRefusesBadArgumentsWithoutStopping(t *testing.T) {
	tb := open(t, "paused=1")
	for _, call := range []string{
		`descent.trajectory({start: ["a", "b"]})`,
		`descent.trajectory({problem: "nope"})`,
		`descent.trajectory({optimizer: "adam", params: {lr: "fast"}})`,
		`descent.trajectory({steps: -5})`,
		`descent.trajectory(42)`,
	} {
		if e := eval[map[string]any](tb, call); e["error"] == nil {
			t.Errorf("%s gave %v, want an error", call, e)
		}
	}
	// The page still works.
	if st := eval[stateJS](tb, "descent.step(3)"); st.Step != 3 {
		t.Errorf("step after the bad calls: %d, want 3", st.Step)
	}
}
