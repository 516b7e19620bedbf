//go:build js && wasm

// Command wasm is Descent in the browser: it wires the game, the URL hash, input
// from the page and the window.descent JS API together.
package main

import (
	"runtime/debug"
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

func main() {
	// No garbage collection until the first frame is up: the heap passes the
	// runtime's first goal (4 MB) while ebiten flushes that frame, and the
	// collection then ran before ready (20–30 ms of a 2-core machine in
	// headless Chromium). It runs after, in the task that shows the page; the
	// limit bounds the heap should that frame never come.
	gcPercent, memLimit := debug.SetGCPercent(-1), debug.SetMemoryLimit(startHeapLimit)
	doc := js.Global().Get("document")
	g := game.New(control.StartHash(currentHash(), js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()))
	page := newPage(doc, g)
	g.OnPage = page.show
	api := newAPI(g)
	// What is HTML around the canvas (the legend, the page's texts, the panel)
	// is shown just after the first frame, in the task that follows it, so
	// that ready is not held up by it: laid out before it, the panel's few
	// hundred elements held up ebiten's start by ~150 ms on a 2-core machine.
	lv, latest := newLegendView(doc), (*control.Frame)(nil)
	g.OnFrame = func(f *control.Frame) {
		if latest != nil {
			lv.show(&f.Legend)
		}
		latest = f // reused frame to frame: always the newest
	}
	g.OnFirstFrame = func() {
		api.resolveReady()
		js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(memLimit)
			lv.show(&latest.Legend)
			g.SyncPage()
			page.buildPanel()
			return nil
		}), 0)
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

// currentHash is the page's URL hash without the '#'.
func currentHash() string {
	h := js.Global().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
}
