//go:build js && wasm

package main

import (
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

// hashDelayMs is how long the URL waits for the config to settle before it is
// rewritten: Chromium throttles (and complains about) more than a few hundred
// history writes in ten seconds, and a slider drag makes sixty a second.
const hashDelayMs = 150

// page is the HTML around the canvas: the URL hash, the layout, the message
// area and the panel.
type page struct {
	doc       js.Value
	g         *game.Game
	panel     *panel
	last      control.Page // what the page shows
	lastHash  string       // the hash this program wrote last, so its own writes are not re-read
	timer     bool         // a write is scheduled
	writeHash js.Func
	mode      control.PageMode
	modeSet   bool
}

func newPage(doc js.Value, g *game.Game) *page {
	p := &page{doc: doc, g: g}
	p.writeHash = js.FuncOf(func(js.Value, []js.Value) any {
		p.timer = false
		js.Global().Get("history").Call("replaceState", nil, "", "#"+p.lastHash)
		return nil
	})
	js.Global().Call("addEventListener", "resize", js.FuncOf(func(js.Value, []js.Value) any {
		p.layout()
		g.Wake() // an idle loop waits: ebiten reads the new size in its Layout
		return nil
	}))
	return p
}

// show writes the page's state: the hash into the URL (without adding a history
// entry), the layout, the notes as text (nothing typed runs as HTML), the panel.
func (p *page) show(pg control.Page) {
	p.last = pg
	if pg.Hash != p.lastHash {
		p.lastHash = pg.Hash
		if !p.timer {
			p.timer = true
			js.Global().Call("setTimeout", p.writeHash, hashDelayMs)
		}
	}
	p.layout()
	for _, t := range pg.Texts {
		if el := p.doc.Call("getElementById", t[0]); el.Truthy() && el.Get("textContent").String() != t[1] {
			el.Set("textContent", t[1])
		}
	}
	if p.panel != nil {
		p.panel.sync()
	}
}

// layout sets the page's arrangement, decided in Go (control.PageLayout), on
// <body>: a data-layout attribute and the CSS custom properties of its numbers.
func (p *page) layout() {
	body := p.doc.Get("body")
	mode, vars := control.PageLayout(js.Global().Get("innerWidth").Float(), p.last.Embed)
	if p.modeSet && mode == p.mode {
		return
	}
	first := !p.modeSet
	p.mode, p.modeSet = mode, true
	style := body.Get("style")
	for _, v := range vars {
		style.Call("setProperty", v[0], v[1])
	}
	body.Get("dataset").Set("layout", mode.String())
	if !first {
		// ebiten measures <body> only on resize: without this the canvas keeps
		// its old size and the picture stretches.
		js.Global().Call("dispatchEvent", js.Global().Get("Event").New("resize"))
	}
}

// buildPanel builds the control panel, once, after the first frame.
func (p *page) buildPanel() {
	p.panel = newPanel(p.doc, p.g)
	p.panel.sync()
}

// fail shows a fatal error in plain words.
func (p *page) fail(err error) {
	p.doc.Get("body").Get("dataset").Set("state", "error")
	if msg := p.doc.Call("getElementById", "messages"); msg.Truthy() {
		msg.Set("textContent", "Descent stopped: "+err.Error())
	}
}
