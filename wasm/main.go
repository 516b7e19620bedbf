//go:build js && wasm

// Command wasm is Descent in the browser: it wires the game, the URL hash, input
// from the page and the window.descent JS API together.
package main

import (
	"syscall/js"

	"descent/game"
)

func main() {
	doc := js.Global().Get("document")
	page := newPage(doc)
	page.panel = newPanel(doc)
	g := game.New(currentHash(), page.show)
	page.panel.g = g
	api := newAPI(g)
	g.OnFirstFrame = api.resolveReady
	lv := newLegendView(doc)
	g.OnDraw = lv.show
	js.Global().Set("descent", api.object())
	listen(g, page)
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
