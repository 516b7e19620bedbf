//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
)

// page is the HTML around the canvas: the URL hash and the message area.
type page struct {
	doc      js.Value
	lastHash string // the hash this program wrote last, so its own writes are not re-read
}

func newPage(doc js.Value) *page { return &page{doc: doc} }

// show writes the config's hash into the URL (without adding a history entry) and
// the notes about it into the message area, as text: nothing typed runs as HTML.
func (p *page) show(hash string, notes []string) {
	p.lastHash = hash
	js.Global().Get("history").Call("replaceState", nil, "", "#"+hash)
	embed := strings.Contains("&"+hash+"&", "&embed=1&")
	classes := p.doc.Get("body").Get("classList")
	if classes.Call("contains", "embed").Bool() != embed {
		classes.Call("toggle", "embed", embed)
		// ebiten measures <body> only on resize: without this the canvas keeps
		// its old size and the picture stretches.
		js.Global().Call("dispatchEvent", js.Global().Get("Event").New("resize"))
	}
	if msg := p.doc.Call("getElementById", "messages"); msg.Truthy() {
		msg.Set("textContent", strings.Join(notes, "\n"))
	}
}

// fail shows a fatal error in plain words.
func (p *page) fail(err error) {
	p.doc.Get("body").Get("dataset").Set("state", "error")
	if msg := p.doc.Call("getElementById", "messages"); msg.Truthy() {
		msg.Set("textContent", "Descent stopped: "+err.Error())
	}
}
