//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"descent/game/config"
)

// hashDelayMs is how long the URL waits for the config to settle before it is
// rewritten: Chromium throttles (and complains about) more than a few hundred
// history writes in ten seconds, and a slider drag makes sixty a second.
const hashDelayMs = 150

// page is the HTML around the canvas: the URL hash, the message area and the panel.
type page struct {
	doc       js.Value
	panel     *panel
	lastHash  string // the hash this program wrote last, so its own writes are not re-read
	pending   string // the hash to write when the timer fires
	timer     bool   // a write is scheduled
	writeHash js.Func
	embed     bool
}

func newPage(doc js.Value) *page {
	p := &page{doc: doc}
	p.writeHash = js.FuncOf(func(js.Value, []js.Value) any {
		p.timer = false
		js.Global().Get("history").Call("replaceState", nil, "", "#"+p.pending)
		return nil
	})
	return p
}

// show writes the config's hash into the URL (without adding a history entry),
// the notes about it into the message area, as text (nothing typed runs as HTML),
// and the config into the panel.
func (p *page) show(cfg config.Config, notes []string) {
	hash := cfg.Hash()
	if hash != p.lastHash {
		p.lastHash, p.pending = hash, hash
		if !p.timer {
			p.timer = true
			js.Global().Call("setTimeout", p.writeHash, hashDelayMs)
		}
	}
	if cfg.Embed != p.embed {
		p.embed = cfg.Embed
		p.doc.Get("body").Get("classList").Call("toggle", "embed", cfg.Embed)
		// ebiten measures <body> only on resize: without this the canvas keeps
		// its old size and the picture stretches.
		js.Global().Call("dispatchEvent", js.Global().Get("Event").New("resize"))
	}
	if msg := p.doc.Call("getElementById", "messages"); msg.Truthy() {
		msg.Set("textContent", strings.Join(notes, "\n"))
	}
	if p.panel != nil {
		p.panel.sync(cfg)
	}
}

// fail shows a fatal error in plain words.
func (p *page) fail(err error) {
	p.doc.Get("body").Get("dataset").Set("state", "error")
	if msg := p.doc.Call("getElementById", "messages"); msg.Truthy() {
		msg.Set("textContent", "Descent stopped: "+err.Error())
	}
}
