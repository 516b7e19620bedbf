//go:build !(js && wasm)

package main

// Shared harness of the browser end-to-end tests: build dist/ once per test binary, serve it
// from httptest, and drive one system Chromium (software WebGL2 through SwiftShader) with
// chromedp, in one tab that the tests take turns in (a tab of its own for a test
// that needs the browser set up otherwise). The tests assert through window.descent and on
// screenshots' pixels, never on frame rate.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var screenshotOut = flag.String("screenshot", "", "write the screenshot of TestScreenshotShowsFieldAndBalls to this PNG file")

// The page size every test uses: the canvas gets the width less the 300 px panel.
const (
	pageW, pageH = 1280, 720
	panelW       = 300
)

// site is what the browser tests share: one build of dist (with descent.html),
// served two ways, and one browser.
type site struct {
	browser context.Context
	dist    string
	// url serves dist through newHandler, as build serve does: the strict
	// Content-Security-Policy comes as a header (and as the page's meta).
	url string
	// plainURL serves dist with no headers of ours, as a host that cannot set
	// them: only the page's <meta http-equiv> policy applies.
	plainURL string
}

var (
	envOnce sync.Once
	env     site
	envErr  error
	envSkip string
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

// browser returns the shared site, building dist/ and starting Chromium on
// first use. Without Chromium the test is skipped, or fails under CI.
func browser(t *testing.T) site {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests do not run with -short")
	}
	envOnce.Do(func() { envErr = startSite() })
	if envSkip != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI is set, so this is a failure)", envSkip)
		}
		t.Skip(envSkip)
	}
	if envErr != nil {
		t.Fatal(envErr)
	}
	return env
}

// startSite builds dist and descent.html once for the whole test binary,
// serves them and starts the browser.
func startSite() error {
	path := chromiumPath()
	if path == "" {
		envSkip = "no Chromium found: apt-get install chromium"
		return nil
	}
	dist, err := os.MkdirTemp("", "descent-dist-")
	if err != nil {
		return err
	}
	cleanup = append(cleanup, func() { os.RemoveAll(dist) })
	m, err := buildDist(buildOptions{Dist: dist, Progress: io.Discard})
	if err != nil {
		return fmt.Errorf("building dist: %w", err)
	}
	tc, err := findToolchain()
	if err != nil {
		return err
	}
	if _, err := writeSingle(tc, dist, m, io.Discard); err != nil {
		return fmt.Errorf("writing %s: %w", singleFile, err)
	}
	srv := httptest.NewServer(newHandler(dist))
	plain := httptest.NewServer(http.FileServer(http.Dir(dist)))
	cleanup = append(cleanup, srv.Close, plain.Close)

	ctx, cancel, err := startChromium(path)
	if err != nil {
		return err
	}
	cleanup = append(cleanup, cancel)
	env = site{browser: ctx, dist: dist, url: srv.URL + "/", plainURL: plain.URL + "/"}
	return nil
}

// tab is one page under test, with the console messages it has written.
type tab struct {
	t   *testing.T
	ctx context.Context
	mu  sync.Mutex
	bad []string // console errors, uncaught exceptions and Content-Security-Policy violations
}

// reportViolationsJS turns every Content-Security-Policy violation into a
// console error, which fails the test: the page must run under its policy
// without tripping it. It runs before the page's own scripts.
const reportViolationsJS = `addEventListener("securitypolicyviolation", (e) =>
	(window.cspViolations = (window.cspViolations || 0) + 1,
	console.error("Content-Security-Policy violation: " + e.effectiveDirective + " refused " + (e.blockedURI || "inline code") + " at " + e.sourceFile + ":" + e.lineNumber)));`

// newTab opens a blank tab of the shared browser at the test's page size,
// with the given scripts run before every document's own. The tab closes when
// the test ends, and the test fails if the page wrote any error to the console
// or violated its Content-Security-Policy.
func newTab(t *testing.T, beforeScripts ...string) *tab {
	t.Helper()
	return tabIn(t, nil, beforeScripts)
}

// newPrivateTab is newTab in a browser context of its own: an empty cache,
// as on a first visit.
func newPrivateTab(t *testing.T, beforeScripts ...string) *tab {
	t.Helper()
	return tabIn(t, []chromedp.ContextOption{chromedp.WithNewBrowserContext()}, beforeScripts)
}

func tabIn(t *testing.T, opts []chromedp.ContextOption, beforeScripts []string) *tab {
	t.Helper()
	s := browser(t)
	ctx, cancel := chromedp.NewContext(s.browser, opts...)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	tb := &tab{t: t, ctx: ctx}
	t.Cleanup(func() {
		tb.report()
		cancelTimeout()
		cancel()
	})
	actions := append([]chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(pageW, pageH)},
		addScripts(append([]string{reportViolationsJS}, beforeScripts...))...)
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			tb.record(m)
		}
	}()
	return tb
}

// addScripts has each script run before every new document's own.
func addScripts(scripts []string) []chromedp.Action[chromedp.Void] {
	var actions []chromedp.Action[chromedp.Void]
	for _, js := range scripts {
		params := page.AddScriptToEvaluateOnNewDocumentParams{Source: js}
		actions = append(actions, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, page.AddScriptToEvaluateOnNewDocument, params)
			return err
		}))
	}
	return actions
}

// record keeps a console message if it is an error or an uncaught exception.
func (tb *tab) record(m chromedp.ConsoleMessage) {
	if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
		tb.mu.Lock()
		tb.bad = append(tb.bad, fmt.Sprintf("%s: %s", m.Type, m.Text))
		tb.mu.Unlock()
	}
}

// report fails the test for every console error kept.
func (tb *tab) report() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, b := range tb.bad {
		tb.t.Errorf("browser console: %s", b)
	}
}

// forgive drops the console errors recorded so far that contain substr, for
// a test that causes them on purpose, and returns how many it dropped.
func (tb *tab) forgive(substr string) int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	kept := tb.bad[:0]
	for _, b := range tb.bad {
		if !strings.Contains(b, substr) {
			kept = append(kept, b)
		}
	}
	n := len(tb.bad) - len(kept)
	tb.bad = kept
	return n
}

// navigate loads url in the tab.
func (tb *tab) navigate(url string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		tb.t.Fatal(err)
	}
}

// waitReady waits for window.descent.ready and the panel.
func (tb *tab) waitReady() {
	tb.t.Helper()
	// waitReadyJS also waits for the loader to hide, or a click lands on it.
	if eval[float64](tb, waitReadyJS) < 0 {
		tb.t.Fatalf("page never became ready; state %q, notice %q", eval[string](tb, "document.body.dataset.state"),
			eval[string](tb, `document.getElementById("fail").hidden ? document.getElementById("load-status").textContent : document.getElementById("fail").innerText`))
	}
	// The panel is built just after the first frame.
	if !poll(tb, `document.getElementById("controls").childElementCount > 0`) {
		tb.t.Fatalf("the panel was never built")
	}
}

// open loads the page with the given hash, as build serve sends it, and
// waits for window.descent.ready. The tests that need nothing special of the
// browser take turns in one tab: each gets a fresh document (a new address),
// but the renderer keeps the compiled program in memory, so the page starts
// in a third of the time a new tab takes. The test fails if the page wrote
// any error to the console or violated its Content-Security-Policy.
func open(t *testing.T, hash string) *tab {
	t.Helper()
	s := browser(t)
	sharedTab.once.Do(func() {
		// Not tabIn: this tab outlives the test that opens it.
		ctx, cancel := chromedp.NewContext(s.browser)
		cleanup = append(cleanup, cancel)
		sharedTab.ctx = ctx
		sharedTab.err = chromedp.Do(ctx, addScripts([]string{reportViolationsJS})...)
		messages := chromedp.Console(ctx)
		go func() {
			for m, err := range messages {
				if err != nil {
					return
				}
				sharedTab.mu.Lock()
				if tb := sharedTab.current; tb != nil {
					tb.record(m)
				}
				sharedTab.mu.Unlock()
			}
		}()
	})
	if sharedTab.err != nil {
		t.Fatal(sharedTab.err)
	}
	ctx, cancel := context.WithTimeout(sharedTab.ctx, 90*time.Second)
	tb := &tab{t: t, ctx: ctx}
	sharedTab.mu.Lock()
	sharedTab.current = tb
	sharedTab.visits++
	visit := sharedTab.visits
	sharedTab.mu.Unlock()
	t.Cleanup(func() {
		sharedTab.mu.Lock()
		sharedTab.current = nil
		sharedTab.mu.Unlock()
		tb.report()
		cancel()
	})
	// A test before may have changed the page size (the phone layout).
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(pageW, pageH)); err != nil {
		t.Fatal(err)
	}
	tb.navigate(fmt.Sprintf("%s?visit=%d#%s", s.url, visit, hash))
	tb.waitReady()
	return tb
}

// sharedTab is the tab open takes turns in.
var sharedTab struct {
	once    sync.Once
	ctx     context.Context
	err     error
	mu      sync.Mutex
	current *tab // the test's tab, which console messages go to
	visits  int
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
// The PNG is encoded for speed (lossless all the same).
func screenshot(tb *tab, save string) image.Image {
	tb.t.Helper()
	fast := true
	var shot []byte
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		res, err := cdp.Call(ctx, target, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, OptimizeForSpeed: &fast})
		shot = res.Data
		return err
	}))
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
