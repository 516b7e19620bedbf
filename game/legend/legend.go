// Package legend is the text beside the plot — the problem, the step, and one row
// per runner with its colour, loss and status — as plain data for the page to show.
package legend

import (
	"fmt"
	"math"
	"strconv"

	"descent/game/race"
	"descent/game/reference"
	"descent/game/view"
	"descent/optim"
	"descent/problems"
)

// Row describes one runner. The numbers that change every step are kept as
// numbers, and written as text (LossText, StatusText) only when the page shows
// a change, so a frame makes no garbage.
type Row struct {
	Color      string // CSS colour of the ball
	Clip       string // CSS clip-path of the ball's shape
	Name       string // the optimizer's display name
	Params     string // its hyperparameters, e.g. "α=0.1 m=0.9"
	Loss       float64
	State      race.Status
	StatusStep int  // when it converged or diverged
	Reference  bool // the reference path, not a runner
	Iteration  int  // the reference path's major iterations so far
	Evals      int  // and its function evaluations
}

// LossText writes the row's loss.
func (r *Row) LossText() string { return Loss(r.Loss) }

// StatusText says where the runner stands: "running", "converged at step 12",
// "diverged at step 17", or for the reference path its iterations.
func (r *Row) StatusText() string {
	switch {
	case r.Reference && r.State == race.Converged:
		return fmt.Sprintf("done: %d iterations, %d evaluations", r.Iteration, r.Evals)
	case r.Reference:
		return fmt.Sprintf("iteration %d, %d evaluations", r.Iteration, r.Evals)
	case r.State == race.Converged:
		return fmt.Sprintf("converged at step %d", r.StatusStep)
	case r.State == race.Diverged:
		return fmt.Sprintf("diverged at step %d", r.StatusStep)
	}
	return "running"
}

// ReferenceName is how the reference path is labelled everywhere: it is a
// line-search method, never to be mistaken for gradient descent.
const ReferenceName = "L-BFGS (line search)"

// ReferenceIteration is the reference path's iteration shown at race step: one
// major iteration per step, held at the last.
func ReferenceIteration(ref *reference.Path, step int) int {
	return min(step, len(ref.Points)-1)
}

// Legend is everything written beside the plot.
type Legend struct {
	Title   string
	Formula string
	Step    int
	Paused  bool
	Rows    []Row
	Chart   ChartLabels
	Labels  []Label // over the plot; filled by the controller after Make

	formulaFor *problems.Problem // what Formula was written for
	rowsFor    *race.Race        // what the rows' names and parameters were written for
}

// StepText writes the step: "step 40"; nothing where there are no steps (a
// scene without a race sets Step to NoStep).
func (l *Legend) StepText() string {
	if l.Step == NoStep {
		return ""
	}
	return "step " + strconv.Itoa(l.Step)
}

// NoStep is a legend's Step in a scene without a race.
const NoStep = -1

// StatusLine is the legend's header line beside the title: the step, and
// whether the race is paused.
func (l *Legend) StatusLine() string {
	if l.Paused && l.Step != NoStep {
		return l.StepText() + " · paused"
	}
	return l.StepText()
}

// ChartLabels are the numbers around the loss chart, which the canvas draws
// without text; the page writes them (Decade, Steps) only when they change.
type ChartLabels struct {
	Top, Bottom         int        // the decades at its top and bottom edges
	FirstStep, LastStep int        // the steps it spans
	Box                 [4]float64 // x, y, width, height in CSS pixels from the canvas's top left
}

// Decade writes a power of ten as the chart labels it: "1e-3".
func Decade(d int) string { return "1e" + strconv.Itoa(d) }

// Steps writes the steps the chart spans: "steps 0–120".
func (c ChartLabels) Steps() string {
	return "steps " + strconv.Itoa(c.FirstStep) + "–" + strconv.Itoa(c.LastStep)
}

// Make fills l (reusing its rows) from the race on problem p, and the reference
// path ref when it is not nil. Text that changes only with the problem or the
// race is written only then.
func Make(l *Legend, p *problems.Problem, r *race.Race, paused bool, ref *reference.Path) {
	l.Title = p.Title
	if l.formulaFor != p {
		l.formulaFor, l.Formula = p, formula(p)
	}
	l.Step, l.Paused = r.Step, paused
	n := len(r.Runners)
	if ref != nil && len(ref.Points) > 0 {
		n++
	}
	if l.rowsFor != r || len(l.Rows) != n {
		l.rowsFor = r
		l.Rows = l.Rows[:0]
		for _, rn := range r.Runners {
			spec, _ := optim.Lookup(rn.Optimizer)
			l.Rows = append(l.Rows, Row{Color: view.RunnerCSS(rn.ID), Clip: view.RunnerShape(rn.ID).ClipPath(),
				Name: spec.Display, Params: Params(spec, rn.Params)})
		}
		if n > len(r.Runners) {
			l.Rows = append(l.Rows, Row{Color: view.CSS(view.ReferenceColor), Clip: view.Circle.ClipPath(),
				Name: ReferenceName, Params: "memory 15", Reference: true})
		}
	}
	for i, rn := range r.Runners {
		row := &l.Rows[i]
		row.Loss, row.State, row.StatusStep = rn.Loss, rn.Status, rn.StatusStep
	}
	if n > len(r.Runners) {
		row := &l.Rows[n-1]
		k := ReferenceIteration(ref, r.Step)
		row.Loss, row.Iteration, row.Evals = ref.Losses[k], k, ref.Evaluations[k]
		row.State = race.Running
		if k == len(ref.Points)-1 && ref.Status != "" {
			row.State = race.Converged
		}
	}
}

// formula is the legend's line for p: its formula as written, with the values
// of its parameters.
func formula(p *problems.Problem) string {
	f := "f(x, y) = " + p.Formula
	if p.Shown != "" {
		f = p.Shown
	}
	if len(p.Params) > 0 {
		vals := p.ParamValues()
		f += "   with "
		for i, prm := range p.Params {
			if i > 0 {
				f += ", "
			}
			f += prm.Symbol + " = " + strconv.FormatFloat(vals[prm.Name], 'g', 4, 64)
		}
	}
	return f
}

// Params writes the hyperparameters a learner tunes, by their symbols, in the
// spec's order; ε is left out unless it differs from its default.
func Params(spec optim.Spec, values map[string]float64) string {
	s := ""
	for _, p := range spec.Params {
		v, ok := values[p.Name]
		if !ok || p.Name == "eps" && v == p.Default {
			continue
		}
		if s != "" {
			s += " "
		}
		s += p.Symbol + "=" + strconv.FormatFloat(v, 'g', 4, 64)
	}
	return s
}

// Loss writes a loss with four significant figures, in scientific notation when
// it is very small or large.
func Loss(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-3 || a >= 1e5) {
		return strconv.FormatFloat(v, 'e', 3, 64)
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// DivergenceNote explains to a learner why a runner stopped: its steps grew
// instead of shrinking, and what to change — or, at step 0, that the surface
// has no value where it starts.
func DivergenceNote(r *race.Runner) string {
	spec, _ := optim.Lookup(r.Optimizer)
	if r.StatusStep == 0 {
		return StartNote([]*race.Runner{r})
	}
	return fmt.Sprintf("%s diverged at step %d: with α = %s its steps grew instead of shrinking. "+
		"A smaller α, or “Tune every α” in the panel, keeps it on the surface.",
		spec.Display, r.StatusStep, strconv.FormatFloat(r.Params["lr"], 'g', 4, 64))
}

// StartNote explains runners that could not take a first step: the surface
// has no finite value or gradient where they start.
func StartNote(rs []*race.Runner) string {
	names := ""
	for i, r := range rs {
		spec, _ := optim.Lookup(r.Optimizer)
		switch {
		case i == 0:
		case i == len(rs)-1:
			names += " and "
		default:
			names += ", "
		}
		names += spec.Display
	}
	return fmt.Sprintf("%s cannot start at (%s, %s): the surface has no finite value or gradient there. Click the plot where it is defined.",
		names, strconv.FormatFloat(rs[0].X, 'g', 4, 64), strconv.FormatFloat(rs[0].Y, 'g', 4, 64))
}
