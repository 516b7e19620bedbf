//go:build !(js && wasm)

package main

// Hosting the page: a strict Content-Security-Policy as a header or as the
// page's meta, sandboxed iframes, the single file opened from disk, and caching.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// inlineScriptRefusedJS injects an inline script and resolves to the number
// of violations reported for it, or -1 if it ran.
const inlineScriptRefusedJS = `(async () => {
	const s = document.createElement("script");
	s.textContent = "window.inlineRan = true";
	document.head.append(s);
	await new Promise(r => setTimeout(r, 200)); // violations are reported in a task of their own
	return window.inlineRan ? -1 : (window.cspViolations || 0);
})()`

func TestPageRunsUnderTheStrictPolicy(t *testing.T) {
	s := browser(t)
	tests := []struct {
		name, url  string
		wantHeader string // the Content-Security-Policy header; "" means none, so only the meta applies
		policies   int    // policies in force, each reporting a violation of its own
	}{
		{"as a header (build serve)", s.url, servedPolicy(), 2}, // the header and the meta
		{"as the meta fallback (a host without headers)", s.plainURL, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := http.Get(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Content-Security-Policy"); got != tt.wantHeader {
				t.Fatalf("Content-Security-Policy header %q, want %q", got, tt.wantHeader)
			}
			tb := newTab(t)
			tb.navigate(tt.url + "#paused=1")
			tb.waitReady() // and the harness fails the test on any violation
			if st := eval[stateJS](tb, "descent.step(3)"); st.Step != 3 {
				t.Errorf("step %d after descent.step(3), want 3", st.Step)
			}
			// The policy is in force: an inline script is refused.
			if n := eval[int](tb, inlineScriptRefusedJS); n != tt.policies {
				t.Errorf("an inline script gave %d violations (-1: it ran), want %d: the policy is not in force", n, tt.policies)
			}
			tb.forgive("violat") // "violation" from our listener, "violates" from the browser's log
		})
	}
}

// withHeader serves h with one more header value, added as the response
// starts (after h's own), as a host configured to add it would.
func withHeader(h http.Handler, name, value string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&addingWriter{ResponseWriter: w, name: name, value: value}, r)
	})
}

type addingWriter struct {
	http.ResponseWriter
	name, value string
	added       bool
}

func (w *addingWriter) add() {
	if !w.added {
		w.added = true
		w.Header().Add(w.name, w.value)
	}
}

func (w *addingWriter) WriteHeader(code int) {
	w.add()
	w.ResponseWriter.WriteHeader(code)
}

func (w *addingWriter) Write(b []byte) (int, error) {
	w.add()
	return w.ResponseWriter.Write(b)
}

// A host that sends no Access-Control-Allow-Origin cannot serve an opaque
// origin: the notice names the sandbox permission that is missing. The
// policy's sandbox directive gives the page the opaque origin of
// <iframe sandbox="allow-scripts">, at the top, where the test can read it.
func TestSandboxWithoutCORSNamesThePermission(t *testing.T) {
	s := browser(t)
	srv := httptest.NewServer(withHeader(http.FileServer(http.Dir(s.dist)), "Content-Security-Policy", "sandbox allow-scripts"))
	defer srv.Close()
	tb := newTab(t)
	tb.navigate(srv.URL + "/")
	if !poll(tb, `document.body.dataset.state === "error"`) {
		t.Fatalf("page state %q, want error", eval[string](tb, "document.body.dataset.state"))
	}
	tb.forgive("CORS")            // the refused download, as the browser reports it
	tb.forgive("net::ERR_FAILED") // the same, from the network log
	tb.forgive("Failed to load resource")
	msg := eval[string](tb, `document.getElementById("fail").innerText`)
	if !strings.Contains(msg, "allow-same-origin") || strings.Contains(msg, "internet connection") {
		t.Errorf("notice %q, want it to name allow-same-origin, not the network", msg)
	}
}

// TestInSandboxedIframe embeds the page as a course site would, in
// <iframe sandbox="allow-scripts"> on a page of another origin, and drives it
// through its own target.
func TestInSandboxedIframe(t *testing.T) {
	s := browser(t)
	course := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><title>course</title><iframe sandbox="allow-scripts" src="%s#preset=fig3" width="900" height="560"></iframe>`, s.url)
	}))
	defer course.Close()
	tb := newTab(t)
	tb.navigate(strings.Replace(course.URL, "127.0.0.1", "localhost", 1) + "/") // another site, so the frame is out of process
	var frame *tab
	for range 100 {
		targets, err := chromedp.Targets(tb.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range targets {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, s.url) {
				ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID))
				t.Cleanup(cancel)
				frame = &tab{t: t, ctx: ctx}
			}
		}
		if frame != nil {
			break
		}
		eval[bool](tb, `new Promise(r => setTimeout(() => r(true), 50))`)
	}
	if frame == nil {
		t.Fatalf("no iframe target for %s", s.url)
	}
	if eval[float64](frame, waitReadyJS) < 0 {
		t.Fatalf("the framed page never became ready: %q", eval[string](frame, `document.getElementById("fail").innerText`))
	}
	if origin := eval[string](frame, "self.origin"); origin != "null" {
		t.Errorf("frame origin %q, want \"null\": the sandbox did not apply", origin)
	}
	if !poll(frame, "descent.state().step > 10") {
		t.Errorf("step %d: the race does not run in the frame", eval[int](frame, "descent.state().step"))
	}
}

// When no script may run at all, the page says so within 10 s instead of spinning.
func TestBlockedScriptsAreNamedNotSpun(t *testing.T) {
	s := browser(t)
	srv := httptest.NewServer(withHeader(newHandler(s.dist), "Content-Security-Policy", "script-src 'none'"))
	defer srv.Close()
	tb := newTab(t)
	tb.navigate(srv.URL + "/")
	if got := eval[string](tb, "document.body.dataset.state"); got != "starting" {
		t.Fatalf("body state %q, want starting: the loader ran despite script-src 'none'", got)
	}
	stuck := `getComputedStyle(document.getElementById("stuck"))`
	if got := eval[string](tb, stuck+".animationDelay"); got != "10s" {
		t.Errorf("the notice appears after %s, want 10s", got)
	}
	// Skip the wait: the notice is the same sooner.
	eval[bool](tb, `(document.getElementById("stuck").style.animationDelay = "0s", true)`)
	if !poll(tb, stuck+`.visibility === "visible"`) {
		t.Fatalf("the notice never became visible")
	}
	if msg := eval[string](tb, `document.getElementById("stuck").innerText`); !strings.Contains(msg, "allow-scripts") || !strings.Contains(msg, "Content-Security-Policy") {
		t.Errorf("notice %q, want it to name allow-scripts and the Content-Security-Policy", msg)
	}
	if tb.forgive("violat") == 0 { // "violation" from our listener, "violates" from the browser's log
		t.Errorf("no violation reported: the test did not block the scripts")
	}
}

func TestSingleFileRunsFromDisk(t *testing.T) {
	s := browser(t)
	single := filepath.Join(s.dist, singleFile)
	info, err := os.Stat(single)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := os.Stat(filepath.Join(s.dist, fakeOrRealWasm(t, s.dist)+gzipSuffix))
	if err != nil {
		t.Fatal(err)
	}
	// The program inside is base64 of its gzip twin (4 characters per 3 bytes);
	// the page, loader and wasm_exec.js add some 60 kB.
	if min, max := gz.Size()*4/3, gz.Size()*4/3+100_000; info.Size() < min || info.Size() > max {
		t.Errorf("%s has %d bytes, want %d to %d (base64 of the %d-byte gzip, and the page)", singleFile, info.Size(), min, max, gz.Size())
	}
	t.Logf("%s: %d bytes", singleFile, info.Size())
	tb := newTab(t)
	tb.navigate("file://" + filepath.ToSlash(single) + "#preset=fig3")
	tb.waitReady()
	first := tb.state().Step
	if !poll(tb, fmt.Sprintf("descent.state().step > %d", first+10)) {
		t.Errorf("step %d, started at %d: the race does not run", tb.state().Step, first)
	}
	if n := eval[int](tb, `performance.getEntriesByType("resource").length`); n != 0 {
		t.Errorf("the single file fetched %d resources, want none", n)
	}
	if got := eval[string](tb, `document.getElementById("percent").textContent`); got != "100%" {
		t.Errorf("progress at the end %q, want 100%%", got)
	}
}

// fakeOrRealWasm returns the program's name in dist, from its manifest.
func fakeOrRealWasm(t *testing.T, dist string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dist, "main.*.wasm"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("programs in %s: %v (%v), want one", dist, matches, err)
	}
	return filepath.Base(matches[0])
}

// A second visit downloads no program: its hashed name is cached for good.
func TestSecondVisitDownloadsNoProgram(t *testing.T) {
	s := browser(t)
	tb := newPrivateTab(t)
	transferred := func() int {
		t.Helper()
		tb.waitReady()
		return eval[int](tb, `performance.getEntriesByType("resource").filter(e => /main\.[0-9a-f]+\.wasm$/.test(e.name)).reduce((n, e) => n + e.transferSize + 1, 0) - 1`)
	}
	tb.navigate(s.url + "#paused=1")
	if n := transferred(); n < 100_000 {
		t.Fatalf("first visit transferred %d bytes of the program, want all of it (a fresh cache)", n)
	}
	tb.navigate(s.url + "?again#paused=1") // another address of the page, so a new document
	if n := transferred(); n != 0 {
		t.Errorf("second visit transferred %d bytes of the program, want 0 (from the cache)", n)
	}
}

// ebiten reloads the page when WebGL loses its context; the race comes back
// where it was, and the program comes from the cache.
func TestContextLossKeepsTheRace(t *testing.T) {
	tb := open(t, "preset=fig3&paused=1")
	before := eval[stateJS](tb, "descent.step(37)")
	eval[bool](tb, `(document.querySelector("canvas").getContext("webgl2").getExtension("WEBGL_lose_context").loseContext(), true)`)
	// The page reloads: evaluations fail while the old document goes away.
	reloaded := false
	for range 200 {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`performance.getEntriesByType("navigation")[0].type === "reload" && document.body.dataset.state === "ready"`))
		if err == nil && ok {
			reloaded = true
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !reloaded {
		t.Fatalf("the page did not come back after losing its WebGL context")
	}
	tb.waitReady()
	after := tb.state()
	if after.Step != before.Step || !after.Paused || after.Hash != before.Hash {
		t.Errorf("after the context loss: step %d paused %v hash %q, want step %d paused, hash %q", after.Step, after.Paused, after.Hash, before.Step, before.Hash)
	}
	for i, r := range after.Runners {
		if r.X != before.Runners[i].X {
			t.Errorf("%s at %v after the context loss, want %v", r.Optimizer, r.X, before.Runners[i].X)
		}
	}
	if n := eval[int](tb, `performance.getEntriesByType("resource").filter(e => /\.wasm$/.test(e.name)).reduce((n, e) => n + e.transferSize, 0)`); n != 0 {
		t.Errorf("the reload transferred %d bytes of the program, want 0 (from the cache)", n)
	}
}

// A download that stops midway is named within 10 s, not left spinning.
func TestStalledDownloadIsNamed(t *testing.T) {
	s := browser(t)
	release := make(chan struct{})
	files := newHandler(s.dist)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".wasm") {
			files.ServeHTTP(w, r)
			return
		}
		// Some of the program, then nothing.
		w.Header().Set("Content-Type", "application/wasm")
		w.Write(make([]byte, 64<<10))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	// A fake clock for long timers: the loader's 10 s pass in half a second.
	tb := newPrivateTab(t, `(() => {
		const setTimeout = window.setTimeout;
		window.setTimeout = (f, ms, ...args) => setTimeout(f, ms >= 10000 ? ms / 20 : ms, ...args);
	})()`)
	tb.navigate(srv.URL + "/")
	if !poll(tb, `document.body.dataset.stalled === "1"`) {
		t.Fatalf("no stall noticed; status %q", eval[string](tb, `document.getElementById("load-status").textContent`))
	}
	if msg := eval[string](tb, `document.getElementById("load-status").textContent`); !strings.Contains(msg, "10 seconds") || !strings.Contains(msg, "connection") {
		t.Errorf("status %q, want it to say nothing arrived for 10 seconds and to check the connection", msg)
	}
}

// The site's index.html opened from disk cannot fetch its program: it says so
// and points to the single file, which can.
func TestIndexFromDiskPointsToTheSingleFile(t *testing.T) {
	s := browser(t)
	tb := newTab(t)
	tb.navigate("file://" + filepath.ToSlash(filepath.Join(s.dist, indexFile)))
	if !poll(tb, `document.body.dataset.state === "error"`) {
		t.Fatalf("page state %q, want error", eval[string](tb, "document.body.dataset.state"))
	}
	if msg := eval[string](tb, `document.getElementById("fail").innerText`); !strings.Contains(msg, "web server") || !strings.Contains(msg, singleFile) {
		t.Errorf("notice %q, want it to ask for a web server and point to %s", msg, singleFile)
	}
}
