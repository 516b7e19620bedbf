//go:build js && wasm

// Command wasm is Descent in the browser: it wires the game, the URL hash, input
// from the page and the window.descent JS API together.
package main

import (
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

func main() {
	doc := js.Global().Get("document")
	g := game.New(control.StartHash(currentHash(), js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()))
	page := newPage(doc, g)
	g.OnPage = page.show
	api := newAPI(g)
	lv := newLegendView(doc)
	g.OnFrame = func(f *control.Frame) { lv.show(&f.Legend) }
	// The panel is built after the first frame: laid out before it, its few
	// hundred elements held up ebiten's start by ~150 ms on a 2-core machine.
	g.OnFirstFrame = func() {
		api.resolveReady()
		js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
			page.buildPanel()
			return nil
		}), 0)
	}
	js.Global().Set("descent", api.object())
	listen(g, page)
	g.Read(func(c *control.Controller) { page.last = c.Page() })
	page.layout() // before ebiten first measures <body>
	if err := g.Run(); err != nil {
		page.fail(err)
	}
}

// currentHash is the page's URL hash without the '#'.
func currentHash() string {
	h := js.Global().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
}
