//go:build !(js && wasm)

package main

// Export, share and accessibility: descent.export, the Share buttons
// (clipboard, downloads), keyboard-only use, the live region, and axe-core.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestExportCSVHasEveryStepOfEveryRunner(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=gd;adam&paused=1")
	st := eval[stateJS](tb, "descent.step(37)")
	text := eval[string](tb, `descent.export("csv")`)
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("export(\"csv\") does not parse: %v", err)
	}
	if got, want := strings.Join(recs[0], ","), "runner,optimizer,step,x,y,loss,grad_x,grad_y,update_x,update_y"; got != want {
		t.Errorf("header %q, want %q (the issue's)", got, want)
	}
	// Steps 0 to 37 for each of two runners; neither converges or diverges this soon.
	if got, want := len(recs)-1, 2*(st.Step+1); got != want {
		t.Errorf("%d rows after %d steps of 2 runners, want %d", got, st.Step, want)
	}
	var rows []map[string]any
	rows = eval[[]map[string]any](tb, `JSON.parse(descent.export("json"))`)
	if len(rows) != len(recs)-1 {
		t.Errorf("json has %d rows, csv %d", len(rows), len(recs)-1)
	}
	if msg := eval[map[string]any](tb, `descent.export("gif")`)["error"]; msg == nil || !strings.Contains(msg.(string), `"csv", "json", "png"`) {
		t.Errorf(`export("gif") answered %v, want an error naming the formats`, msg)
	}
}

// TestCopyButtonsPutLinkAndEmbedCodeOnTheClipboard clicks the Share buttons
// and reads the clipboard back.
func TestCopyButtonsPutLinkAndEmbedCodeOnTheClipboard(t *testing.T) {
	tb := open(t, "problem=rosenbrock&o=adam;gd&paused=1")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted})
			return err
		}))
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	if !poll(tb, `document.getElementById("copy-link") !== null`) {
		t.Fatal("the panel has no #copy-link")
	}
	hash := tb.state().Hash
	link := eval[string](tb, `location.origin + location.pathname`) + "#" + hash
	for _, c := range []struct{ id, want string }{
		{"copy-link", link},
		{"copy-embed", `<iframe src="` + strings.ReplaceAll(link+"&embed=1", "&", "&amp;") + `" title="Descent: optimizers racing on `},
	} {
		if err := clickStill(tb, "#"+c.id); err != nil {
			t.Fatal(err)
		}
		if !poll(tb, `document.getElementById("share-status").textContent.includes("copied")`) {
			t.Fatalf("%s: no status, %q", c.id, eval[string](tb, `document.getElementById("share-status").textContent`))
		}
		got := eval[string](tb, `navigator.clipboard.readText()`)
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s put %q on the clipboard, want it to start %q", c.id, got, c.want)
		}
		eval[bool](tb, `(document.getElementById("share-status").textContent = "", true)`)
	}
}

// clickStill clicks the element sel as a pointer would, once scrolling it into
// view has settled: the panel's sections lay out only when they come near the
// view (content-visibility), so the button moves as it scrolls in, and a click
// at its old place would land on a section (a third of the downloads missed).
func clickStill(tb *tab, sel string) error {
	if err := chromedp.Do(tb.ctx, chromedp.ScrollIntoView(sel)); err != nil {
		return err
	}
	eval[bool](tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	return chromedp.Do(tb.ctx, chromedp.Click(sel))
}

// TestDownloadedPNGHasTheLegendDrawnIn downloads the plot through its button
// and looks for the legend's text in the file.
func TestDownloadedPNGHasTheLegendDrawnIn(t *testing.T) {
	tb := open(t, "problem=rosenbrock&o=adam;gd&paused=1")
	dir := t.TempDir()
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !poll(tb, `document.getElementById("download-png") !== null`) {
		t.Fatal("the panel has no #download-png")
	}
	if err := clickStill(tb, "#download-png"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "descent-rosenbrock.png")
	var data []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err = os.ReadFile(file); err == nil && len(data) > 0 {
			break
		}
	}
	if len(data) == 0 {
		t.Fatalf("no %s after 10 s (status %q)", file, eval[string](tb, `document.getElementById("share-status").textContent`))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the download is not a PNG: %v", err)
	}
	w, h := eval[int](tb, `document.querySelector("body > canvas").width`), eval[int](tb, `document.querySelector("body > canvas").height`)
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("PNG is %v, want the canvas's %d×%d", b.Size(), w, h)
	}
	checkField(t, img, "the downloaded PNG") // the canvas was read with its picture, not cleared
	checkLegendDrawn(t, img)

	// 2×: twice the pixels.
	b64 := eval[string](tb, `descent.export("png", {scale: 2}).then(b => new Promise(r => { const f = new FileReader(); f.onload = () => r(f.result.split(",")[1]); f.readAsDataURL(b); }))`)
	raw, _ := base64.StdEncoding.DecodeString(b64)
	img2, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("export(\"png\", {scale: 2}) is not a PNG: %v", err)
	}
	if b := img2.Bounds(); b.Dx() != 2*w || b.Dy() != 2*h {
		t.Errorf("2× PNG is %v, want %d×%d", b.Size(), 2*w, 2*h)
	}
	checkLegendDrawn(t, img2)
}

// checkLegendDrawn looks in the legend's box, the top left corner, for its text
// (near-white pixels) and for the runners' swatches: Adam's orange and GD's
// sky blue, Okabe–Ito's first two colours (view.RunnerColor), which no surface
// colour of the field is.
func checkLegendDrawn(t *testing.T, img image.Image) {
	t.Helper()
	box := image.Rect(0, 0, img.Bounds().Dx()/3, img.Bounds().Dy()/4)
	white := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r > 0xe000 && g > 0xe000 && b > 0xe000 {
				white++
			}
		}
	}
	// A line of 13 px text is a few hundred near-white pixels; 4 lines at least.
	if white < 400 {
		t.Errorf("%d near-white pixels in the legend's corner %v, want the text's (≥ 400)", white, box)
	}
	for _, css := range []string{"#e69f00", "#56b4e9"} {
		found := false
		for y := box.Min.Y; y < box.Max.Y && !found; y += 2 {
			for x := box.Min.X; x < box.Max.X && !found; x += 2 {
				found = hasColourNear(img, x, y, css, 0)
			}
		}
		if !found {
			t.Errorf("no %s swatch in the legend's corner", css)
		}
	}
}

// TestKeyboardAloneChangesTheProblemAndRunsARace tabs to the problem menu,
// picks another surface with the arrow keys, tabs back to the plot, moves the
// start with Shift+arrows, restarts with Enter and plays with Space.
func TestKeyboardAloneChangesTheProblemAndRunsARace(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&paused=1")
	if !poll(tb, `document.getElementById("problem") !== null`) {
		t.Fatal("the panel has no #problem")
	}
	key := func(k string, opts ...chromedp.KeyOption) {
		t.Helper()
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(k, opts...)); err != nil {
			t.Fatal(err)
		}
	}
	active := func() string { return eval[string](tb, `document.activeElement.id || document.activeElement.tagName`) }
	eval[bool](tb, `(document.activeElement.blur(), true)`)
	for i := 0; i < 10 && active() != "problem"; i++ {
		key(kb.Tab)
	}
	if active() != "problem" {
		t.Fatalf("Tab never reached the problem menu (at %s)", active())
	}
	before := tb.state().Problem
	key(kb.ArrowDown)
	if !poll(tb, `descent.state().problem !== "`+before+`"`) {
		t.Fatalf("↓ on the problem menu kept %s", before)
	}
	for i := 0; i < 100 && active() != "CANVAS"; i++ { // the panel holds some 70 controls with five runners
		key(kb.Tab)
	}
	if active() != "CANVAS" {
		t.Fatalf("Tab never reached the plot (at %s)", active())
	}
	if eval[string](tb, `getComputedStyle(document.activeElement).outlineStyle`) == "none" {
		t.Error("the focused plot shows no outline")
	}
	start := tb.state().Start
	key(kb.ArrowRight, chromedp.KeyModifiers(1<<3)) // Shift
	if !poll(tb, `descent.state().start[0] > `+jsNumber(start[0])) {
		t.Errorf("Shift+→ left the start at %v", tb.state().Start)
	}
	key(" ")
	if !poll(tb, `descent.state().step > 20`) {
		t.Fatalf("space did not run the race: step %d", tb.state().Step)
	}
	key(kb.Enter)
	if !poll(tb, `descent.state().step < 20`) {
		t.Errorf("Enter did not restart: step %d", tb.state().Step)
	}
	if got := eval[string](tb, `document.getElementById("plot-description").textContent`); !strings.Contains(got, "They start at") {
		t.Errorf("plot description %q, want where the runners start", got)
	}
}

// TestReducedMotionStartsPaused: with prefers-reduced-motion the race waits
// for Play, unless the link says paused=0.
func TestReducedMotionStartsPaused(t *testing.T) {
	tb := newTab(t)
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	url := browser(t).url
	tb.navigate(url + "#problem=booth")
	tb.waitReady()
	nextFrame(tb)
	if st := tb.state(); !st.Paused || st.Step != 0 {
		t.Errorf("with reduced motion: paused %v at step %d, want paused at step 0", st.Paused, st.Step)
	}
	if got := eval[string](tb, `document.getElementById("play").textContent`); !strings.Contains(got, "Play") {
		t.Errorf("the play button says %q, want Play", got)
	}
	tb.navigate(url + "?again#problem=booth&paused=0")
	tb.waitReady()
	if !poll(tb, `descent.state().step > 0`) {
		t.Errorf("paused=0 with reduced motion: still at step %d, want the race running", tb.state().Step)
	}
}

func jsNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// TestLiveRegionAnnouncesConvergence: Newton is exact on a quadratic, so it
// converges within a few dozen steps (game/race's status rules).
func TestLiveRegionAnnouncesConvergence(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=newton&paused=1")
	eval[stateJS](tb, "descent.step(200)")
	st := tb.state()
	r := tb.runner(st, "newton")
	if r.Status != "converged" {
		t.Fatalf("newton is %s after 200 steps, want converged", r.Status)
	}
	if !poll(tb, `document.getElementById("announce").textContent.includes("converged at step")`) {
		t.Errorf("live region says %q, want Newton's convergence", eval[string](tb, `document.getElementById("announce").textContent`))
	}
	if got := eval[string](tb, `document.getElementById("announce").getAttribute("aria-live")`); got != "polite" {
		t.Errorf("announce is aria-live=%q, want polite", got)
	}
}

// axeSource is axe-core's script, which .ci/run installs with npm.
const axeSource = "testdata/axe/node_modules/axe-core/axe.min.js"

// TestNoAxeViolations runs axe-core's WCAG 2 A and AA rules on the page with
// its panel, on the loading overlay, on a phone and side by side.
func TestNoAxeViolations(t *testing.T) {
	src, err := os.ReadFile(axeSource)
	if err != nil {
		msg := "axe-core is not installed (" + err.Error() + "): run npm install --prefix build/testdata/axe axe-core, as .ci/run does"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	tb := open(t, "problem=rosenbrock&o=adam;gd;momentum&paused=1")
	if !poll(tb, `document.getElementById("copy-link") !== null`) {
		t.Fatal("the panel has no #copy-link")
	}
	// CDP evaluation is not subject to the page's Content-Security-Policy.
	eval[bool](tb, string(src)+";true")
	run := func(what, setup string) {
		t.Helper()
		violations := eval[[]map[string]any](tb, `(async () => {`+setup+`
			const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
			return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
		})()`)
		for _, v := range violations {
			t.Errorf("%s: axe %v: %v at %v", what, v["id"], v["help"], v["nodes"])
		}
	}
	run("the page with its panel", "")
	// The loader's overlay, as it shows while the program downloads.
	run("the loading overlay", `document.getElementById("loader").hidden = false; document.body.dataset.state = "loading";`)
	eval[bool](tb, `(document.getElementById("loader").hidden = true, document.body.dataset.state = "ready", true)`)
	// A phone: the panel as a sheet under the plot.
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	if !poll(tb, `document.body.dataset.layout === "sheet"`) {
		t.Fatalf("layout %q at 390 px, want sheet", eval[string](tb, "document.body.dataset.layout"))
	}
	run("the phone layout", "")
	// Side by side, on a wide screen: the panels' titles and axis numbers.
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(pageW, pageH)); err != nil {
		t.Fatal(err)
	}
	eval[[]string](tb, `descent.configure("layout=grid")`)
	if !poll(tb, `document.querySelectorAll("#plot-labels .pl-title").length === 3`) {
		t.Fatalf("no three panel titles in the grid layout")
	}
	run("the grid layout", "")
}
