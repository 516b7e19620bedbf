//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"descent/game/legend"
)

// legendView shows a legend.Legend in the page's #legend element. It writes to
// the DOM only what changed since the last frame, and only as text.
type legendView struct {
	doc                  js.Value
	root, table          js.Value
	title, step, formula js.Value
	rows                 []rowView
	last                 legend.Legend

	chart, chartTop, chartBottom, chartSteps js.Value
}

type rowView struct {
	tr, dot, name, params, loss, status js.Value
	last                                legend.Row
}

func newLegendView(doc js.Value) *legendView {
	v := &legendView{doc: doc, root: doc.Call("getElementById", "legend")}
	v.last.Chart.Top, v.last.Chart.Bottom, v.last.Chart.LastStep = math.MinInt, math.MinInt, -1 // nothing written yet
	if !v.root.Truthy() {
		return v
	}
	v.chart = doc.Call("getElementById", "chart-labels")
	if v.chart.Truthy() {
		v.chartTop = v.chart.Call("querySelector", ".cl-top")
		v.chartBottom = v.chart.Call("querySelector", ".cl-bottom")
		v.chartSteps = v.chart.Call("querySelector", ".cl-steps")
	}
	head := v.el(v.root, "div", "lg-head")
	v.title = v.el(head, "span", "lg-title")
	v.step = v.el(head, "span", "lg-step")
	v.formula = v.el(v.root, "div", "lg-formula")
	v.table = v.el(v.root, "table", "lg-rows")
	return v
}

func (v *legendView) el(parent js.Value, tag, class string) js.Value {
	e := v.doc.Call("createElement", tag)
	e.Set("className", class)
	parent.Call("appendChild", e)
	return e
}

func setText(e js.Value, old *string, s string) {
	if *old != s {
		*old = s
		e.Set("textContent", s)
	}
}

// show updates the DOM to l.
func (v *legendView) show(l *legend.Legend) {
	if !v.root.Truthy() {
		return
	}
	setText(v.title, &v.last.Title, l.Title)
	step := l.Step
	if l.Paused {
		step += " · paused"
	}
	setText(v.step, &v.last.Step, step)
	setText(v.formula, &v.last.Formula, l.Formula)
	if v.chart.Truthy() {
		c, old := l.Chart, &v.last.Chart
		if c.Box != old.Box {
			old.Box = c.Box
			st := v.chart.Get("style")
			st.Set("left", fmt.Sprintf("%gpx", c.Box[0]))
			st.Set("top", fmt.Sprintf("%gpx", c.Box[1]))
			st.Set("width", fmt.Sprintf("%gpx", c.Box[2]))
			st.Set("height", fmt.Sprintf("%gpx", c.Box[3]))
		}
		if c.Top != old.Top {
			old.Top = c.Top
			v.chartTop.Set("textContent", legend.Decade(c.Top))
		}
		if c.Bottom != old.Bottom {
			old.Bottom = c.Bottom
			v.chartBottom.Set("textContent", legend.Decade(c.Bottom))
		}
		if c.FirstStep != old.FirstStep || c.LastStep != old.LastStep {
			old.FirstStep, old.LastStep = c.FirstStep, c.LastStep
			v.chartSteps.Set("textContent", c.Steps())
		}
	}
	for len(v.rows) < len(l.Rows) {
		var r rowView
		r.tr = v.el(v.table, "tr", "")
		r.dot = v.el(v.el(r.tr, "td", ""), "span", "dot")
		r.name = v.el(r.tr, "td", "lg-name")
		r.params = v.el(r.tr, "td", "lg-params")
		r.loss = v.el(r.tr, "td", "lg-loss")
		r.status = v.el(r.tr, "td", "lg-status")
		r.last.State = -1 // no status written yet
		v.rows = append(v.rows, r)
	}
	for len(v.rows) > len(l.Rows) {
		v.rows[len(v.rows)-1].tr.Call("remove")
		v.rows = v.rows[:len(v.rows)-1]
	}
	for i := range l.Rows {
		r, want := &v.rows[i], &l.Rows[i]
		if r.last.Color != want.Color {
			r.last.Color = want.Color
			r.dot.Get("style").Set("background", want.Color)
		}
		setText(r.name, &r.last.Name, want.Name)
		setText(r.params, &r.last.Params, want.Params)
		setText(r.loss, &r.last.Loss, want.Loss)
		setText(r.status, &r.last.Status, want.Status)
		if r.last.State != want.State || r.last.Reference != want.Reference {
			r.last.State, r.last.Reference = want.State, want.Reference
			r.tr.Get("dataset").Set("status", want.State.String())
			r.tr.Get("classList").Call("toggle", "reference", want.Reference)
		}
	}
}
