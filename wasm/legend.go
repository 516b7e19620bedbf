//go:build js && wasm

package main

import (
	"syscall/js"

	"descent/game/legend"
)

// legendView shows a legend.Legend in #legend and its labels over the plot in
// #plot-labels. It formats and writes only what changed since the last frame,
// and only as text.
type legendView struct {
	doc                  js.Value
	root, table          js.Value
	title, step, formula prop
	lastStep             int
	lastPaused           bool
	rows                 []rowView
	plot                 js.Value // #plot-labels: the frame's Labels, an element each
	labels               []labelView
}

type labelView struct {
	last             legend.Shown
	class, text, css prop
}

// prop is a property of an element (its text, its class, its inline style),
// rewritten only when it differs.
type prop struct {
	el         js.Value
	name, last string
}

func text(el js.Value) prop { return prop{el: el, name: "textContent"} }

func (p *prop) set(s string) {
	if p.el.Truthy() && s != p.last {
		p.last = s
		p.el.Set(p.name, s)
	}
}

type rowView struct {
	tr, dot                    js.Value
	name, params, loss, status prop
	last                       legend.Row
	written                    bool
}

func newLegendView(doc js.Value) *legendView {
	v := &legendView{doc: doc, root: doc.Call("getElementById", "legend"), lastStep: -1}
	if !v.root.Truthy() {
		return v
	}
	v.plot = doc.Call("getElementById", "plot-labels")
	head := v.el(v.root, "div", "lg-head")
	v.title, v.step = text(v.el(head, "span", "lg-title")), text(v.el(head, "span", "lg-step"))
	v.formula = text(v.el(v.root, "div", "lg-formula"))
	v.table = v.el(v.root, "table", "lg-rows")
	return v
}

func (v *legendView) el(parent js.Value, tag, class string) js.Value {
	e := v.doc.Call("createElement", tag)
	e.Set("className", class)
	parent.Call("appendChild", e)
	return e
}

// show updates the DOM to l.
func (v *legendView) show(l *legend.Legend) {
	if !v.root.Truthy() {
		return
	}
	v.title.set(l.Title)
	v.formula.set(l.Formula)
	if l.Step != v.lastStep || l.Paused != v.lastPaused {
		v.lastStep, v.lastPaused = l.Step, l.Paused
		v.step.set(l.StatusLine())
	}
	for len(v.labels) < len(l.Labels) && v.plot.Truthy() {
		el := v.el(v.plot, "span", "")
		v.labels = append(v.labels, labelView{class: prop{el: el, name: "className"}, text: text(el), css: prop{el: el.Get("style"), name: "cssText"}})
	}
	for i := range v.labels {
		if lb, want := &v.labels[i], l.Shown(i); want != lb.last {
			lb.last = want
			e := want.Element()
			lb.class.set(e.Class)
			lb.text.set(e.Text)
			lb.css.set(e.CSS)
		}
	}
	for len(v.rows) < len(l.Rows) {
		r := rowView{tr: v.el(v.table, "tr", "")}
		r.dot = v.el(v.el(r.tr, "td", ""), "span", "dot")
		r.name, r.params = text(v.el(r.tr, "td", "lg-name")), text(v.el(r.tr, "td", "lg-params"))
		r.loss, r.status = text(v.el(r.tr, "td", "lg-loss")), text(v.el(r.tr, "td", "lg-status"))
		v.rows = append(v.rows, r)
	}
	for len(v.rows) > len(l.Rows) {
		v.rows[len(v.rows)-1].tr.Call("remove")
		v.rows = v.rows[:len(v.rows)-1]
	}
	for i := range l.Rows {
		r, want := &v.rows[i], &l.Rows[i]
		if !r.written || r.last.Color != want.Color || r.last.Clip != want.Clip {
			st := r.dot.Get("style")
			st.Set("background", want.Color)
			st.Set("clipPath", want.Clip)
		}
		r.name.set(want.Name)
		r.params.set(want.Params)
		if !r.written || r.last.Loss != want.Loss {
			r.loss.set(want.LossText())
		}
		if !r.written || r.last.State != want.State || r.last.StatusStep != want.StatusStep || r.last.Iteration != want.Iteration {
			r.status.set(want.StatusText())
			r.tr.Get("dataset").Set("status", want.State.String())
			r.tr.Get("classList").Call("toggle", "reference", want.Reference)
		}
		r.last, r.written = *want, true
	}
}
