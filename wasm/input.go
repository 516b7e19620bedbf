//go:build js && wasm

package main

import (
	"syscall/js"

	"descent/game"
)

// listen takes clicks, taps and keys from the page. Clicks come from a pointerdown
// listener rather than ebiten's polling, which loses presses shorter than a tick.
func listen(g *game.Game, p *page) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "pointerdown", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		t := e.Get("target")
		if t.Get("tagName").String() != "CANVAS" || e.Get("button").Int() != 0 {
			return nil
		}
		g.ClickCSS(e.Get("offsetX").Float(), e.Get("offsetY").Float(), t.Get("clientWidth").Float(), t.Get("clientHeight").Float())
		return nil
	}))
	doc.Call("addEventListener", "keydown", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		switch e.Get("target").Get("tagName").String() {
		case "INPUT", "TEXTAREA", "SELECT", "BUTTON":
			return nil
		}
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		switch e.Get("code").String() {
		case "Space":
			g.TogglePause()
		case "ArrowRight":
			g.SetPaused(true)
			g.Step(1)
		case "KeyR":
			g.Reset()
		default:
			return nil
		}
		e.Call("preventDefault")
		return nil
	}))
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(this js.Value, args []js.Value) any {
		if h := currentHash(); h != p.lastHash {
			g.Load(h)
		}
		return nil
	}))
}
