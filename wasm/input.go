//go:build js && wasm

package main

import (
	"math"
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

// listen takes clicks, taps and keys from the page and queues them as commands.
// Clicks come from a pointerdown listener rather than ebiten's polling, which
// loses presses shorter than a tick.
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
			g.Send(control.Pan{DX: x - lastX, DY: y - lastY, CanvasW: canvas.Get("clientWidth").Float(), CanvasH: canvas.Get("clientHeight").Float()})
			lastX, lastY = x, y
		}
	}
	on := func(target js.Value, event string, fn func(e js.Value)) {
		target.Call("addEventListener", event, js.FuncOf(func(this js.Value, args []js.Value) any {
			fn(args[0])
			return nil
		}))
	}
	on(doc, "pointerdown", func(e js.Value) {
		if _, _, _, _, ok := canvasEvent(e); !ok || e.Get("button").Int() != 0 {
			return
		}
		pressed, dragging, canvas = true, false, e.Get("target")
		downX, downY = e.Get("clientX").Float(), e.Get("clientY").Float()
		lastX, lastY = downX, downY
	})
	probe := doc.Call("getElementById", "probe")
	on(doc, "pointermove", func(e js.Value) {
		if pressed {
			pan(e)
			return
		}
		if !probe.Truthy() {
			return
		}
		text := ""
		if x, y, w, h, ok := canvasEvent(e); ok {
			g.Read(func(c *control.Controller) { text = c.Probe(x, y, w, h) })
		}
		probe.Set("textContent", text)
	})
	on(doc, "pointerup", func(e js.Value) {
		if !pressed {
			return
		}
		pan(e)
		wasClick := !dragging
		pressed, dragging = false, false
		if x, y, w, h, ok := canvasEvent(e); ok && wasClick {
			g.Send(control.Click{X: x, Y: y, CanvasW: w, CanvasH: h})
		}
	})
	on(doc, "wheel", func(e js.Value) {
		x, y, w, h, ok := canvasEvent(e)
		if !ok {
			return
		}
		dy := e.Get("deltaY").Float()
		switch e.Get("deltaMode").Int() {
		case 1: // lines
			dy *= 16
		case 2: // pages
			dy *= h
		}
		// 100 px of wheel (one notch on most mice) zooms by about 16%.
		g.Send(control.Zoom{X: x, Y: y, CanvasW: w, CanvasH: h, Factor: math.Exp(dy * 0.0015)})
	})
	keys := map[string]control.Command{
		"Space": control.TogglePause{}, "ArrowRight": control.StepOne{},
		"KeyR": control.Reset{}, "KeyF": control.Fit{},
	}
	on(doc, "keydown", func(e js.Value) {
		switch e.Get("target").Get("tagName").String() {
		case "INPUT", "TEXTAREA", "SELECT", "BUTTON":
			return
		}
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return
		}
		if cmd, ok := keys[e.Get("code").String()]; ok {
			g.Send(cmd)
			e.Call("preventDefault")
		}
	})
	on(js.Global(), "hashchange", func(js.Value) {
		if h := currentHash(); h != p.lastHash {
			g.Send(control.Load{Hash: h})
		}
	})
}
