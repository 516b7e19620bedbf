//go:build js && wasm

package main

import (
	"syscall/js"

	"descent/game"
	"descent/game/control"
)

// panel renders the controller's panel (control.Panel), a tree of nodes, into
// #controls: built anew when the tree's shape changes, otherwise updated in
// place. A control's event sends the command of the node now at its place,
// through the game's queue.
type panel struct {
	doc   js.Value
	g     *game.Game
	root  js.Value
	base  string // the page's address without its hash
	shape string
	nodes []control.Node // the tree, flattened parents first; nodes[0] is the root
	els   []js.Value     // their elements
	funcs []js.Func      // the listeners of the current build, released on rebuild
}

func newPanel(doc js.Value, g *game.Game) *panel {
	loc := js.Global().Get("location")
	return &panel{doc: doc, g: g, root: doc.Call("getElementById", "controls"),
		base: loc.Get("origin").String() + loc.Get("pathname").String()}
}

// sync shows the panel for the controller's state now.
func (p *panel) sync() {
	if !p.root.Truthy() {
		return
	}
	var tree control.Node
	p.g.Read(func(c *control.Controller) { tree = c.Panel(p.base) })
	var flat []control.Node
	tree.Walk(func(n *control.Node) { flat = append(flat, *n) })
	if shape := tree.Shape(); shape != p.shape {
		p.shape = shape
		p.build(tree)
	} else {
		for i := 1; i < len(flat); i++ {
			p.update(p.els[i], &p.nodes[i], &flat[i])
		}
	}
	p.nodes = flat
}

// build makes the elements of tree's nodes below the root.
func (p *panel) build(tree control.Node) {
	for _, f := range p.funcs {
		f.Release()
	}
	p.funcs, p.nodes, p.els = nil, nil, nil
	p.root.Set("textContent", "")
	var add func(parent js.Value, n *control.Node)
	add = func(parent js.Value, n *control.Node) {
		el := p.root
		if len(p.els) > 0 {
			el = p.doc.Call("createElement", n.Tag)
			parent.Call("appendChild", el)
		}
		i := len(p.els)
		p.els, p.nodes = append(p.els, el), append(p.nodes, control.Node{})
		if n.On != "" {
			p.listen(el, n.On, func() {
				v := el.Get("value").String()
				switch {
				case n.Checkbox():
					v = "0"
					if el.Get("checked").Bool() {
						v = "1"
					}
				case n.On == "change" && n.Tag == "input":
					el.Call("blur") // so that the page may show the value kept
				}
				if send := p.nodes[i].Send; send != nil {
					if cmd := send(v); cmd != nil {
						p.g.Send(cmd)
					}
				}
			})
		}
		if n.Attr("readonly") != "" {
			p.listen(el, "focus", func() { el.Call("select") })
		}
		for k := range n.Kids {
			add(el, &n.Kids[k])
		}
		if i > 0 {
			p.update(el, &control.Node{}, n) // after its kids: a select's value needs its options
		}
	}
	add(p.root, &tree)
}

// update changes el from what old showed to what n shows.
func (p *panel) update(el js.Value, old, n *control.Node) {
	e := n.EditsFrom(old)
	for _, a := range e.Set {
		el.Call("setAttribute", a[0], a[1])
	}
	for _, name := range e.Remove {
		el.Call("removeAttribute", name)
	}
	for _, s := range n.Style {
		el.Get("style").Call("setProperty", s[0], s[1])
	}
	if e.Text {
		el.Set("textContent", n.Text)
	}
	switch {
	case n.Checkbox():
		el.Set("checked", n.Value == "1")
	case n.Tag == "input" || n.Tag == "select":
		if !el.Equal(p.doc.Get("activeElement")) && el.Get("value").String() != n.Value {
			el.Set("value", n.Value)
		}
	}
}

// listen calls fn on event; the listener lives until the next rebuild.
func (p *panel) listen(el js.Value, event string, fn func()) {
	f := js.FuncOf(func(js.Value, []js.Value) any {
		fn()
		return nil
	})
	p.funcs = append(p.funcs, f)
	el.Call("addEventListener", event, f)
}
