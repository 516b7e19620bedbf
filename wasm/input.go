//go:build js && wasm

package main

import (
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

// listen takes clicks, taps, wheel turns and keys from the page and queues them
// as commands (control.Gesture decides what a press, moves and release mean).
// Clicks come from a pointerdown listener rather than ebiten's polling, which
// loses presses shorter than a tick.
func listen(g *game.Game, p *page) {
	doc := js.Global().Get("document")
	var gesture control.Gesture
	onCanvas := func(e js.Value) (x, y, w, h float64, ok bool) {
		t := e.Get("target")
		if t.Get("tagName").String() != "CANVAS" {
			return 0, 0, 0, 0, false
		}
		return e.Get("offsetX").Float(), e.Get("offsetY").Float(), t.Get("clientWidth").Float(), t.Get("clientHeight").Float(), true
	}
	client := func(e js.Value) (float64, float64) { return e.Get("clientX").Float(), e.Get("clientY").Float() }
	send := func(cmd control.Command) {
		if cmd != nil {
			g.Send(cmd)
		}
	}
	on := func(target js.Value, event string, fn func(e js.Value)) {
		target.Call("addEventListener", event, js.FuncOf(func(this js.Value, args []js.Value) any {
			fn(args[0])
			return nil
		}))
	}
	on(doc, "pointerdown", func(e js.Value) {
		if _, _, w, h, ok := onCanvas(e); ok && e.Get("button").Int() == 0 {
			x, y := client(e)
			gesture.Down(x, y, w, h)
		}
	})
	probe := doc.Call("getElementById", "probe")
	on(doc, "pointermove", func(e js.Value) {
		if gesture.Pressed() {
			send(gesture.Move(client(e)))
			return
		}
		x, y, w, h, _ := onCanvas(e) // off the canvas w = 0: no readout, no ellipse
		g.Send(control.Hover{X: x, Y: y, CanvasW: w, CanvasH: h})
		text := ""
		g.Read(func(c *control.Controller) { text = c.Probe(x, y, w, h) })
		if probe.Truthy() {
			probe.Set("textContent", text)
		}
	})
	on(doc, "pointerup", func(e js.Value) {
		pan, click := gesture.Up(client(e))
		send(pan)
		if x, y, w, h, ok := onCanvas(e); ok && click {
			g.Send(control.Tap{X: x, Y: y, CanvasW: w, CanvasH: h})
		}
	})
	on(doc, "pointercancel", func(js.Value) { gesture = control.Gesture{} }) // a scroll or the system took the pointer
	on(doc, "wheel", func(e js.Value) {
		if x, y, w, h, ok := onCanvas(e); ok {
			g.Send(control.Zoom{X: x, Y: y, CanvasW: w, CanvasH: h, Factor: control.WheelZoom(e.Get("deltaY").Float(), e.Get("deltaMode").Int(), h)})
		}
	})
	on(doc, "keydown", func(e js.Value) {
		k := control.KeyPress{Code: e.Get("code").String(), Target: e.Get("target").Get("tagName").String(),
			Shift: e.Get("shiftKey").Bool(), Ctrl: e.Get("ctrlKey").Bool(), Meta: e.Get("metaKey").Bool(), Alt: e.Get("altKey").Bool()}
		if cmd := k.Command(); cmd != nil {
			g.Send(cmd)
			e.Call("preventDefault")
		}
	})
	on(js.Global(), "hashchange", func(js.Value) {
		if h := currentHash(); h != p.lastHash {
			g.Send(control.Load{Hash: h})
		}
	})
	// A hidden tab or a canvas scrolled out of view stops the game's work.
	inView := true
	visible := func(js.Value) {
		g.Send(control.SetVisible{Visible: inView && doc.Get("visibilityState").String() != "hidden"})
	}
	on(doc, "visibilitychange", visible)
	js.Global().Get("IntersectionObserver").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		inView = args[0].Index(args[0].Length() - 1).Get("isIntersecting").Bool()
		visible(js.Null())
		return nil
	})).Call("observe", doc.Call("querySelector", "canvas"))
}
