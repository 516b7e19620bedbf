//go:build !(js && wasm)

package main

// Loading the page: ready with the notes' optimizers, the progress bar, and plain failures.

import (
	"strings"
	"testing"
)

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

func TestNoWebGL2GivesAPlainMessage(t *testing.T) {
	// Make this page's browser look like one without WebGL2.
	tb := newTab(t, `(() => {
		const get = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
			return kind === "webgl2" ? null : get.call(this, kind, ...rest);
		};
	})()`)
	tb.navigate(browser(t).url)
	if !poll(tb, `document.body.dataset.state === "error"`) {
		t.Fatalf("page state %q, want error", eval[string](tb, "document.body.dataset.state"))
	}
	msg := eval[string](tb, `document.getElementById("fail").innerText`)
	if !strings.Contains(msg, "WebGL2") || eval[bool](tb, `document.getElementById("fail").hidden`) {
		t.Errorf("failure notice %q, want a visible message naming WebGL2", msg)
	}
}
