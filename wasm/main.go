//go:build js && wasm

// Command wasm is Descent in the browser: it wires the game, the URL hash, input
// from the page and the window.descent JS API together.
package main

import (
	"runtime/debug"
	"strings"
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

func main() {
	// No garbage collection until the first frame is up: the heap passes the
	// runtime's first goal (4 MB) while ebiten flushes that frame, and the
	// collection then ran before ready (20–30 ms of a 2-core machine in
	// headless Chromium). It runs after, in the task that builds the panel;
	// the limit bounds the heap should that frame never come (a canvas out of
	// sight from the start).
	gcPercent, memLimit := debug.SetGCPercent(-1), debug.SetMemoryLimit(startHeapLimit)
	doc := js.Global().Get("document")
	g := game.New(control.StartHash(currentHash(), js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()))
	page := newPage(doc, g)
	g.OnPage = page.show
	api := newAPI(g)
	// The legend and the numbers over the plot are part of every frame,
	// the first included. The rest of the page waits for the tasks after the
	// first frame, so that ready is not held up by it: first its texts and
	// the hash, then the panel, whose few hundred elements, laid out before
	// the first frame, held up ebiten's start by ~150 ms on a 2-core machine.
	lv := newLegendView(doc)
	g.OnFrame = func(f *control.Frame) { lv.show(&f.Legend) }
	g.OnFirstFrame = func() {
		api.resolveReady()
		later(func() {
			g.ShowPage()
			later(func() {
				page.buildPanel()
				debug.SetGCPercent(gcPercent)
				debug.SetMemoryLimit(memLimit)
			})
		})
	}
	js.Global().Set("descent", api.object())
	listen(g, page)
	g.Read(func(c *control.Controller) { page.last.Embed = c.Config().Embed })
	page.layout() // before ebiten first measures <body>
	if err := g.Run(); err != nil {
		page.fail(err)
	}
}

// startHeapLimit is the heap allowed before the first frame, while the
// collector waits for it: a few times the 3 MB the start takes.
const startHeapLimit = 64 << 20

// later runs fn in a task of its own, after what is queued, so that the
// browser may paint before it.
func later(fn func()) {
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		fn()
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
}

// currentHash is the page's URL hash without the '#'.
func currentHash() string {
	return strings.TrimPrefix(js.Global().Get("location").Get("hash").String(), "#")
}
