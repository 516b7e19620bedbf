//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"syscall/js"

	"descent/game"
)

// listen takes clicks, taps and keys from the page. Clicks come from a pointerdown
// listener rather than ebiten's polling, which loses presses shorter than a tick.
func listen(g *game.Game, p *page) {
	doc := js.Global().Get("document")
	// A press and release without moving is a click: it restarts the race there.
	// Moving more than dragSlop CSS pixels while pressed drags the picture. Moves
	// are tracked in page coordinates, so a drag that leaves the canvas, or whose
	// last moves arrive coalesced with the release, still pans by the full distance.
	const dragSlop = 4
	var (
		pressed, dragging bool
		canvas            js.Value
		downX, downY      float64 // client coordinates of the press
		lastX, lastY      float64 // client coordinates panned to so far
	)
	canvasEvent := func(e js.Value) (x, y, w, h float64, ok bool) {
		t := e.Get("target")
		if t.Get("tagName").String() != "CANVAS" {
			return 0, 0, 0, 0, false
		}
		return e.Get("offsetX").Float(), e.Get("offsetY").Float(), t.Get("clientWidth").Float(), t.Get("clientHeight").Float(), true
	}
	pan := func(e js.Value) {
		x, y := e.Get("clientX").Float(), e.Get("clientY").Float()
		if !dragging && math.Hypot(x-downX, y-downY) > dragSlop {
			dragging = true
		}
		if dragging {
			g.PanCSS(x-lastX, y-lastY, canvas.Get("clientWidth").Float(), canvas.Get("clientHeight").Float())
			lastX, lastY = x, y
		}
	}
	doc.Call("addEventListener", "pointerdown", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		if _, _, _, _, ok := canvasEvent(e); !ok || e.Get("button").Int() != 0 {
			return nil
		}
		pressed, dragging, canvas = true, false, e.Get("target")
		downX, downY = e.Get("clientX").Float(), e.Get("clientY").Float()
		lastX, lastY = downX, downY
		return nil
	}))
	probe := doc.Call("getElementById", "probe")
	doc.Call("addEventListener", "pointermove", js.FuncOf(func(this js.Value, args []js.Value) any {
		if pressed {
			pan(args[0])
			return nil
		}
		if !probe.Truthy() {
			return nil
		}
		x, y, w, h, ok := canvasEvent(args[0])
		if !ok {
			probe.Set("textContent", "")
			return nil
		}
		if p, ok := g.ProbeCSS(x, y, w, h); ok {
			probe.Set("textContent", probeText(p))
		}
		return nil
	}))
	doc.Call("addEventListener", "pointerup", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		if !pressed {
			return nil
		}
		pan(e)
		wasClick := !dragging
		pressed, dragging = false, false
		if x, y, w, h, ok := canvasEvent(e); ok && wasClick {
			g.ClickCSS(x, y, w, h)
		}
		return nil
	}))
	doc.Call("addEventListener", "wheel", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		x, y, w, h, ok := canvasEvent(e)
		if !ok {
			return nil
		}
		dy := e.Get("deltaY").Float()
		switch e.Get("deltaMode").Int() {
		case 1: // lines
			dy *= 16
		case 2: // pages
			dy *= h
		}
		// 100 px of wheel (one notch on most mice) zooms by about 16%.
		g.ZoomCSS(x, y, w, h, math.Exp(dy*0.0015))
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
		case "KeyF":
			g.FitView()
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

// probeText is the readout under the pointer: where it is, the loss there, and
// the gradient, the direction every optimizer starts from.
func probeText(p game.Probe) string {
	n := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	return "(" + n(p.X) + ", " + n(p.Y) + ")   f = " + n(p.F) + "   ∇f = (" + n(p.GX) + ", " + n(p.GY) + ")"
}
