package control

import (
	"math"
	"strings"
	"testing"

	"descent/game/legend"
	"descent/game/reference"
)

// TestReferencePathFollowsTheRace: with the L-BFGS reference path on, the
// state shows its iteration at the race's step (one major iteration a step),
// point for point the path reference.LBFGS computes in one go; ticks compute
// ahead of the race; switching it off removes it.
func TestReferencePathFollowsTheRace(t *testing.T) {
	c := sized(t, "problem=rosenbrock&o=adam&paused=1")
	if st := c.State(); st.Reference != nil {
		t.Fatalf("reference %+v before it was asked for, want none", st.Reference)
	}
	do(t, c, SetLBFGS{On: true})
	start := c.Race().Start
	want, err := reference.LBFGS(c.Problem(), start, referenceIterations)
	if err != nil {
		t.Fatalf("reference.LBFGS: %v", err)
	}
	last := len(want.Points) - 1
	// L-BFGS takes some tens of iterations on Rosenbrock from (−1.2, 1); the
	// checks below need the path longer than the 3 and 3+referenceSlice steps.
	if last <= 3+referenceSlice {
		t.Fatalf("the whole path has %d iterations, want more than %d for this test", last, 3+referenceSlice)
	}
	check := func(when string, iteration, known int, status string) {
		t.Helper()
		r := c.State().Reference
		if r == nil {
			t.Fatalf("%s: no reference path", when)
		}
		if r.Iteration != iteration || r.Iterations != known || r.Status != status {
			t.Errorf("%s: iteration %d of %d known, status %q; want %d of %d, %q", when, r.Iteration, r.Iterations, r.Status, iteration, known, status)
		}
		if r.X != want.Points[iteration] || r.Loss != want.Losses[iteration] || r.Evaluations != want.Evaluations[iteration] {
			t.Errorf("%s: at %v loss %g after %d evaluations, want LBFGS's %v, %g, %d", when, r.X, r.Loss, r.Evaluations,
				want.Points[iteration], want.Losses[iteration], want.Evaluations[iteration])
		}
	}
	check("switched on", 0, 0, "")
	do(t, c, Step{N: 3})
	check("after 3 steps", 3, 3, "")
	c.Tick() // paused: the race stays, the path is computed ahead
	check("after a paused tick", 3, 3+referenceSlice, "")
	// The frame draws the path to iteration 3, its last point the reference path's
	// ball; points within half a pixel of the one before are left out.
	f := c.Frame()
	if n := len(f.Reference) / 2; n < 1 || n > 4 || len(f.Chart.Reference) == 0 {
		t.Fatalf("frame reference path of %d points, chart reference path %d floats, want at most the path's first 4 points drawn", n, len(f.Chart.Reference))
	}
	bx, by := c.field.ToScreen(want.Points[3][0], want.Points[3][1])
	if n := len(f.Reference); math.Hypot(float64(f.Reference[n-2])-bx, float64(f.Reference[n-1])-by) > 0.5 {
		t.Errorf("reference ball at (%g, %g), want within half a pixel of iteration 3's (%g, %g)", f.Reference[n-2], f.Reference[n-1], bx, by)
	}
	var refs []string
	for _, row := range f.Legend.Rows {
		if row.Reference {
			refs = append(refs, row.Name)
		}
	}
	if len(refs) != 1 || refs[0] != legend.ReferenceName {
		t.Errorf("legend reference rows %q, want one named %q", refs, legend.ReferenceName)
	}
	do(t, c, Step{N: 1000})
	check("after 1003 steps", last, last, want.Status)

	// The path starts again from a new start; a change that keeps the race keeps it.
	do(t, c, Click{X: cssW / 2, Y: cssH / 2, CanvasW: cssW, CanvasH: cssH})
	moved := c.Race().Start
	want, _ = reference.LBFGS(c.Problem(), moved, referenceIterations)
	check("after a click", 0, 0, "")
	g := c.ref
	do(t, c, SetSpeed{N: 4})
	if c.ref != g {
		t.Errorf("changing the speed restarted the reference path")
	}

	do(t, c, SetLBFGS{On: false})
	if st := c.State(); st.Reference != nil || strings.Contains(st.Hash, "lbfgs") {
		t.Errorf("reference %+v, hash %q after switching it off, want none", st.Reference, st.Hash)
	}
	if f := c.Frame(); len(f.Reference) != 0 || len(f.Chart.Reference) != 0 {
		t.Errorf("frame reference path %d floats, chart reference path %d after switching off, want none", len(f.Reference), len(f.Chart.Reference))
	}
	c.Tick() // nothing to extend
}

// TestReferencePathThatCannotStartIsANote: where the surface is not finite at
// the start (log x at x = −4, the custom surfaces' start), there is no path
// and the note says why.
func TestReferencePathThatCannotStartIsANote(t *testing.T) {
	c := sized(t, "expr=log(x)%2By%5E2&paused=1")
	if notes := c.Do(SetLBFGS{On: true}); len(notes) != 0 {
		t.Errorf("SetLBFGS notes %q, want none: the failure belongs to the run", notes)
	}
	st := c.State()
	if st.Reference != nil || count(st.Notes, "L-BFGS reference path could not start") != 1 {
		t.Errorf("reference %+v, notes %q; want none and one note", st.Reference, st.Notes)
	}
}
