//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"

	"descent/game"
	"descent/game/control"
	"descent/optim/param"
)

// panel renders the controller's panel (control.Panel) into #controls: built
// anew when the page's Shape changes, otherwise only its values updated.
// Every control sends its command through the game's queue.
type panel struct {
	doc   js.Value
	g     *game.Game
	root  js.Value
	funcs []js.Func // the listeners of the current build, released on rebuild
	shape string
	els   []controlEls // one per control of the build
}

// controlEls are a control's elements: main (the input, button or text) and,
// for a knob, its number box.
type controlEls struct{ main, number js.Value }

func newPanel(doc js.Value, g *game.Game) *panel {
	return &panel{doc: doc, g: g, root: doc.Call("getElementById", "controls")}
}

// sync shows the panel for pg.
func (p *panel) sync(pg control.Page) {
	if !p.root.Truthy() {
		return
	}
	var cs []control.Control
	p.g.Read(func(c *control.Controller) { cs = c.Panel() })
	if pg.Shape != p.shape || len(cs) != len(p.els) {
		p.shape = pg.Shape
		p.build(cs)
	}
	for i, c := range cs {
		e := p.els[i]
		switch c.Kind {
		case control.Button, control.Note, control.Rule:
			showText(e.main, c.Text)
			e.main.Set("disabled", c.Disabled)
		case control.Checkbox:
			e.main.Set("checked", c.Value == "1")
		case control.KnobRow:
			p.setValue(e.main, strconv.Itoa(c.Knob.SliderPos()))
			p.setValue(e.number, strconv.FormatFloat(c.Knob.Value, 'g', 4, 64))
		case control.Link:
			loc := js.Global().Get("location")
			p.setValue(e.main, loc.Get("origin").String()+loc.Get("pathname").String()+c.Value)
		case control.Select, control.TextBox:
			p.setValue(e.main, c.Value)
		}
	}
}

func showText(e js.Value, s string) {
	if e.Get("textContent").String() != s {
		e.Set("textContent", s)
	}
}

// setValue sets an input's value unless the learner is typing in it.
func (p *panel) setValue(el js.Value, v string) {
	if !el.Equal(p.doc.Get("activeElement")) && el.Get("value").String() != v {
		el.Set("value", v)
	}
}

func (p *panel) build(cs []control.Control) {
	for _, f := range p.funcs {
		f.Release()
	}
	p.funcs, p.els = nil, nil
	p.root.Set("textContent", "")
	var sec, box, row js.Value // the section, the card or section, the row of buttons
	for _, c := range cs {
		if c.Kind != control.Button {
			row = js.Undefined()
		}
		var e controlEls
		switch c.Kind {
		case control.Heading:
			sec = p.el(p.root, "section", "")
			box = sec
			if c.Text != "" {
				e.main = p.el(sec, "h2", "")
				e.main.Set("textContent", c.Text)
			}
		case control.Buttons:
			row = p.el(box, "div", "buttons")
		case control.Card:
			box = p.el(sec, "div", "card")
			head := p.el(box, "div", "card-head")
			p.el(head, "span", "dot").Get("style").Set("background", c.Color)
			e.main = p.el(head, "span", "card-name")
			e.main.Set("textContent", c.Text)
			e.main.Set("title", c.Title)
			if c.Send != nil {
				rm := p.el(head, "button", "remove")
				rm.Set("type", "button")
				rm.Set("textContent", "×")
				rm.Set("title", c.Label)
				rm.Call("setAttribute", "aria-label", c.Label)
				p.on(rm, "click", c, "")
			}
		case control.Note, control.Rule:
			class := "about"
			if c.Kind == control.Rule {
				class = "rule"
			}
			e.main = p.el(box, "p", class)
		case control.Button:
			parent := box
			if row.Truthy() {
				parent = row
			}
			e.main = p.el(parent, "button", "")
			e.main.Set("type", "button")
			e.main.Set("title", c.Title)
			p.on(e.main, "click", c, "")
		case control.Select:
			e.main = p.el(box, "select", "")
			for _, o := range c.Options {
				opt := p.el(e.main, "option", "")
				opt.Set("value", o[0])
				opt.Set("textContent", o[1])
			}
			p.on(e.main, "change", c, "value")
		case control.TextBox, control.Link:
			e.main = p.el(box, "input", "")
			e.main.Set("type", "text")
			e.main.Set("spellcheck", false)
			e.main.Set("placeholder", c.Placeholder)
			e.main.Set("title", c.Title)
			if c.Kind == control.Link {
				e.main.Set("readOnly", true)
				p.listen(e.main, "focus", func(el js.Value) { el.Call("select") })
			} else {
				p.on(e.main, "change", c, "value")
			}
		case control.Checkbox:
			label := p.el(box, "label", "check")
			e.main = p.el(label, "input", "")
			e.main.Set("type", "checkbox")
			p.el(label, "span", "").Set("textContent", c.Text)
			p.listen(e.main, "change", func(el js.Value) {
				v := "0"
				if el.Get("checked").Bool() {
					v = "1"
				}
				p.send(c, v)
			})
		case control.KnobRow:
			e = p.knobRow(box, c)
		}
		if c.ID != "" && e.main.Truthy() {
			e.main.Set("id", c.ID)
		}
		if c.Label != "" && e.main.Truthy() && c.Kind != control.Card {
			e.main.Call("setAttribute", "aria-label", c.Label)
		}
		p.els = append(p.els, e)
	}
}

// knobRow is a slider and a number box for one knob.
func (p *panel) knobRow(parent js.Value, c control.Control) controlEls {
	row := p.el(parent, "label", "param")
	row.Set("title", c.Title)
	p.el(row, "span", "sym").Set("textContent", c.Knob.Param.Symbol)
	e := controlEls{main: p.el(row, "input", ""), number: p.el(row, "input", "num")}
	e.main.Set("type", "range")
	e.main.Set("min", 0)
	e.main.Set("max", param.SliderSteps)
	e.number.Set("type", "text")
	e.number.Set("inputMode", "decimal")
	e.number.Call("setAttribute", "aria-label", c.Label+" value")
	if c.ID == "" {
		e.main.Get("dataset").Set("param", c.Knob.ID())
		e.number.Get("dataset").Set("param", c.Knob.ID())
	}
	p.listen(e.main, "input", func(el js.Value) {
		if pos, err := strconv.Atoi(el.Get("value").String()); err == nil {
			p.send(c, control.SliderText(c.Knob, pos))
		}
	})
	p.listen(e.number, "change", func(el js.Value) {
		el.Call("blur") // so that sync may show the value kept
		p.send(c, el.Get("value").String())
	})
	return e
}

func (p *panel) send(c control.Control, v string) {
	if cmd := c.Send(v); cmd != nil {
		p.g.Send(cmd)
	}
}

// on sends c's command when event fires, with the element's property prop
// ("" for none) as the value.
func (p *panel) on(el js.Value, event string, c control.Control, prop string) {
	p.listen(el, event, func(el js.Value) {
		v := ""
		if prop != "" {
			v = el.Get(prop).String()
		}
		p.send(c, v)
	})
}

// listen calls fn on event; the listener lives until the next rebuild.
func (p *panel) listen(el js.Value, event string, fn func(el js.Value)) {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		fn(el)
		return nil
	})
	p.funcs = append(p.funcs, f)
	el.Call("addEventListener", event, f)
}

func (p *panel) el(parent js.Value, tag, class string) js.Value {
	e := p.doc.Call("createElement", tag)
	if class != "" {
		e.Set("className", class)
	}
	parent.Call("appendChild", e)
	return e
}
